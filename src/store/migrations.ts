import type { Kysely, Migration, MigrationProvider } from "kysely";

type Kind = "sqlite" | "postgres";

/** In-code migrations (no files to ship); append new ones, never edit applied ones. */
export function createMigrationProvider(kind: Kind): MigrationProvider {
  return { getMigrations: async () => ({ "001_initial": initial(kind), "002_fair_turns": fairTurns() }) };
}

/** Round-robin claims: each job's group and lane, a yielded job's turn, and when each group/lane was last served. */
function fairTurns(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("jobs").addColumn("fair_group", "text").execute();
      await db.schema.alterTable("jobs").addColumn("fair_lane", "text").execute();
      await db.schema.alterTable("jobs").addColumn("turn", "text").execute();
      await db.schema
        .createTable("fair_turns")
        .addColumn("turn_key", "text", (c) => c.primaryKey())
        .addColumn("served", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("fair_turns_served").on("fair_turns").column("served").execute();
    },
  };
}

function initial(kind: Kind): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
  const id = (db: Kysely<any>, table: string) =>
    kind === "postgres"
      ? db.schema.createTable(table).addColumn("id", "bigserial", (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  return {
    async up(db) {
      await db.schema
        .createTable("score_cache")
        .addColumn("model_id", "text", (c) => c.notNull())
        .addColumn("prompt_hash", "text", (c) => c.notNull())
        .addColumn("score", "double precision", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("score_cache_pk", ["model_id", "prompt_hash"])
        .execute();

      // GitHub comment ids already exceed 2^31, hence bigint.
      await db.schema
        .createTable("posted_comments")
        .addColumn("repo", "text", (c) => c.notNull())
        .addColumn("comment_id", "bigint", (c) => c.notNull())
        .addColumn("pull_number", "integer", (c) => c.notNull())
        .addColumn("method_key", "text", (c) => c.notNull())
        .addColumn("body_hash", "text", (c) => c.notNull())
        .addColumn("comment_node_id", "text", (c) => c.notNull())
        .addColumn("thread_node_id", "text")
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("line", "integer", (c) => c.notNull())
        .addColumn("score", "double precision", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("head_sha", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("posted_comments_pk", ["repo", "comment_id"])
        .execute();
      await db.schema
        .createIndex("posted_comments_pull")
        .on("posted_comments")
        .columns(["repo", "pull_number", "method_key"])
        .execute();

      await id(db, "feedback")
        .addColumn("repo", "text", (c) => c.notNull())
        .addColumn("pull_number", "integer", (c) => c.notNull())
        .addColumn("method_key", "text", (c) => c.notNull())
        .addColumn("signal", "text", (c) => c.notNull())
        .addColumn("label", "integer", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("signature", "text", (c) => c.notNull())
        .addColumn("score", "double precision")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await id(db, "rate_hits")
        .addColumn("bucket", "text", (c) => c.notNull())
        .addColumn("at_ms", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("rate_hits_bucket").on("rate_hits").columns(["bucket", "at_ms"]).execute();

      await db.schema
        .createTable("jobs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("delivery_id", "text", (c) => c.notNull().unique())
        .addColumn("supersede_key", "text")
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("run_after_ms", "bigint", (c) => c.notNull())
        .addColumn("lease_owner", "text")
        .addColumn("lease_expires_ms", "bigint")
        .addColumn("superseded_by", "text")
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("jobs_claim").on("jobs").columns(["state", "run_after_ms"]).execute();
      await db.schema.createIndex("jobs_supersede").on("jobs").columns(["supersede_key", "state"]).execute();

      await db.schema
        .createTable("job_deliveries")
        .addColumn("delivery_id", "text", (c) => c.primaryKey())
        .addColumn("job_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("job_heads")
        .addColumn("supersede_key", "text", (c) => c.primaryKey())
        .addColumn("job_id", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
