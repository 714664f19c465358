import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_PG_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/java_judge_test";

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
