import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { FeedbackRecord, Store } from "./types.js";

export function createFeedbackRepository(db: Kysely<Database>): Pick<Store, "addFeedback" | "listFeedback"> {
  return {
    async addFeedback(f) {
      await db
        .insertInto("feedback")
        .values({
          repo: f.repo,
          pull_number: f.pullNumber,
          method_key: f.methodKey,
          signal: f.signal,
          label: f.label,
          description: f.description,
          code: f.code,
          signature: f.signature,
          score: f.score,
          created_at: f.createdAt,
        })
        .execute();
    },
    async listFeedback() {
      const rows = await db.selectFrom("feedback").selectAll().orderBy("id").execute();
      return rows.map(
        (r): FeedbackRecord => ({
          repo: r.repo,
          pullNumber: r.pull_number,
          methodKey: r.method_key,
          signal: r.signal,
          label: r.label === 1 ? 1 : 0,
          description: r.description,
          code: r.code,
          signature: r.signature,
          score: r.score === null ? null : Number(r.score),
          createdAt: r.created_at,
        }),
      );
    },
  };
}
