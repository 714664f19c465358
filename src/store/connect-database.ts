import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { createMigrationProvider } from "./migrations.js";
import { type DatabaseTarget, parseDatabaseUrl, redact } from "./parse-database-url.js";
import type { Database } from "./schema.js";

/** An open, migrated database. Owned by src/store: the Kysely handle never leaves this folder. */
export interface Connection {
  readonly db: Kysely<Database>;
  readonly target: DatabaseTarget;
  close(): Promise<void>;
}

/**
 * One Kysely per SQLite file per process, shared by the store and the queue: better-sqlite3 is synchronous, so
 * a second connection in the same process waiting on the file's lock would block the event loop that the first
 * needs to finish its transaction (a stall until busy_timeout). One connection serializes them instead.
 */
const sharedSqlite = new Map<string, { db: Promise<Kysely<Database>>; refs: number }>();

/** Opens DATABASE_URL (creating the SQLite file and its folder, or the PostgreSQL schema) and migrates it. */
export async function connectDatabase(databaseUrl: string): Promise<Connection> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite" && target.path !== ":memory:") return connectSharedSqlite(target);
  const db = target.kind === "sqlite" ? openSqlite(target.path) : await openPostgres(target, databaseUrl);
  await migrateOrDestroy(db, target);
  return closeOnce(target, db, () => db.destroy());
}

async function connectSharedSqlite(target: Extract<DatabaseTarget, { kind: "sqlite" }>): Promise<Connection> {
  const key = resolve(target.path);
  let entry = sharedSqlite.get(key);
  if (!entry) {
    const opening = (async () => {
      const db = openSqlite(target.path);
      await migrateOrDestroy(db, target);
      return db;
    })();
    entry = { db: opening, refs: 0 };
    sharedSqlite.set(key, entry);
    opening.catch(() => sharedSqlite.delete(key));
  }
  entry.refs++;
  const shared = entry;
  let db: Kysely<Database>;
  try {
    db = await shared.db;
  } catch (error) {
    shared.refs--;
    throw error;
  }
  return closeOnce(target, db, async () => {
    if (--shared.refs > 0) return;
    sharedSqlite.delete(key);
    await db.destroy();
  });
}

function closeOnce(target: DatabaseTarget, db: Kysely<Database>, close: () => Promise<void>): Connection {
  let closed = false;
  return {
    db,
    target,
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

async function migrateOrDestroy(db: Kysely<Database>, target: DatabaseTarget): Promise<void> {
  try {
    await migrate(db, target);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function openSqlite(path: string): Kysely<Database> {
  if (path !== ":memory:") {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new Error(`cannot create the folder for the database file ${path}: ${(error as Error).message}`);
    }
  }
  let handle: SqliteDatabase.Database;
  try {
    handle = new SqliteDatabase(path);
  } catch (error) {
    throw new Error(
      `cannot open the SQLite database ${path}: ${(error as Error).message}; check the path and its permissions`,
    );
  }
  // WAL + busy timeout: several processes (server, workers) share one file.
  handle.pragma("journal_mode = WAL");
  handle.pragma("busy_timeout = 5000");
  handle.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
}

async function openPostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  url: string,
): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    options: `-c search_path=${target.schema}`,
    max: 10,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`create schema if not exists ${sql.id(target.schema)}`.execute(db);
  } catch (error) {
    // Two processes creating the schema at once: one of them loses the race, which is fine.
    if ((error as { code?: string }).code !== "23505") {
      await db.destroy();
      throw new Error(
        `cannot connect to PostgreSQL at ${redact(url)}: ${(error as Error).message}; check DATABASE_URL and that the server is up`,
      );
    }
  }
  return db;
}

async function migrate(db: Kysely<Database>, target: DatabaseTarget): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: createMigrationProvider(target.kind),
    // Named explicitly: otherwise Kysely finds the migration table of another schema and skips creating ours.
    ...(target.kind === "postgres" ? { migrationTableSchema: target.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${(error as Error).message}`);
  }
}
