import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
  sql,
} from "kysely";
import pg from "pg";
import { createMigrationProvider } from "./migrations.js";
import { type DatabaseTarget, parseDatabaseUrl, redact } from "./parse-database-url.js";
import type { Database } from "./schema.js";

/** An open, migrated database. Owned by src/store: the Kysely handle never leaves this folder. */
export interface Connection {
  readonly db: Kysely<Database>;
  readonly target: DatabaseTarget;
  /**
   * The better-sqlite3 handle behind `db` (SQLite only), for hot paths that run their own prepared statements.
   * Use it only inside `db.connection().execute(...)`, which holds Kysely's lock on the one connection, and
   * without awaiting in between: otherwise a Kysely transaction in flight would swallow the statements.
   */
  readonly sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

interface Opened {
  db: Kysely<Database>;
  sqlite?: SqliteDatabase.Database;
}

/**
 * One Kysely per SQLite file per process, shared by the store and the queue: better-sqlite3 is synchronous, so
 * a second connection in the same process waiting on the file's lock would block the event loop that the first
 * needs to finish its transaction (a stall until busy_timeout). One connection serializes them instead.
 */
const sharedSqlite = new Map<string, { opened: Promise<Opened>; refs: number }>();

/** Opens DATABASE_URL (creating the SQLite file and its folder, or the PostgreSQL schema) and migrates it. */
export async function connectDatabase(databaseUrl: string): Promise<Connection> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite" && target.path !== ":memory:") return connectSharedSqlite(target);
  const opened =
    target.kind === "sqlite" ? openSqlite(target.path) : { db: await openPostgres(target, databaseUrl) };
  await migrateOrDestroy(opened.db, target);
  return closeOnce(target, opened, () => opened.db.destroy());
}

async function connectSharedSqlite(target: Extract<DatabaseTarget, { kind: "sqlite" }>): Promise<Connection> {
  const key = resolve(target.path);
  let entry = sharedSqlite.get(key);
  if (!entry) {
    const opening = (async () => {
      const opened = openSqlite(target.path);
      await migrateOrDestroy(opened.db, target);
      return opened;
    })();
    entry = { opened: opening, refs: 0 };
    sharedSqlite.set(key, entry);
    opening.catch(() => sharedSqlite.delete(key));
  }
  entry.refs++;
  const shared = entry;
  let opened: Opened;
  try {
    opened = await shared.opened;
  } catch (error) {
    shared.refs--;
    throw error;
  }
  return closeOnce(target, opened, async () => {
    if (--shared.refs > 0) return;
    sharedSqlite.delete(key);
    await opened.db.destroy();
  });
}

function closeOnce(target: DatabaseTarget, opened: Opened, close: () => Promise<void>): Connection {
  let closed = false;
  return {
    ...opened,
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

function openSqlite(path: string): Opened {
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
  // WAL + busy timeout: several processes (server, workers) share one file. synchronous = NORMAL in WAL: a
  // commit is in the WAL (the OS's page cache) before it returns, so it survives the process being killed;
  // only a power loss or kernel crash can lose the commits since the last checkpoint's fsync.
  handle.pragma("journal_mode = WAL");
  handle.pragma("busy_timeout = 5000");
  handle.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachePreparedStatements(handle) }),
  });
  return { db, sqlite: handle };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query again, each time it runs (a tenth of a webhook's CPU). The same
 * SQL text gets the same statement back, unless that one is mid-iteration (a streamed select).
 */
function cachePreparedStatements(handle: SqliteDatabase.Database): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const stmt = handle.prepare(text);
      if (cached) return stmt;
      // A bounded cache: SQL with a variable number of parameters (`in (?, ?, ...)`) has many texts.
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      cache.set(text, stmt);
      return stmt;
    },
  };
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
