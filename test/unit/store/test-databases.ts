import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Prepared by test/support/global-setup.ts (TEST_DATABASE_URL, the local server, or one started for the run). */
export const TEST_PG_URL = testDatabaseUrl();

function testDatabaseUrl(): string {
  const url = inject("testDatabaseUrl");
  // A PostgreSQL suite never skips: without the global setup (another config, a bare runner) it fails, and says why.
  if (!url) throw new Error("no test database: run through vitest.config.ts, whose globalSetup prepares one");
  return url;
}

/** A fresh PostgreSQL schema per call, so parallel test files never see each other's rows. */
export function freshPgSchema(prefix: string): { url: string; schema: string; drop(): Promise<void> } {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  const url = `${TEST_PG_URL}${TEST_PG_URL.includes("?") ? "&" : "?"}schema=${schema}`;
  return { url, schema, drop: () => dropSchemas([schema]) };
}

export async function dropSchemas(schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
  } finally {
    await client.end();
  }
}
