import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropSchemas, freshPgSchema } from "../store/test-databases.js";

/** Each call gives a fresh, isolated database URL; cleanup() removes them all. */
export function createTestDatabases(prefix: string) {
  const schemas: string[] = [];
  const dirs: string[] = [];
  const backends: [string, () => string][] = [
    [
      "sqlite",
      () => {
        const dir = mkdtempSync(join(tmpdir(), `jj-${prefix}-`));
        dirs.push(dir);
        return `sqlite:${join(dir, "queue.db")}`;
      },
    ],
    [
      "postgres",
      () => {
        const s = freshPgSchema(prefix);
        // pg-boss keeps its tables in a schema of its own next to ours.
        schemas.push(s.schema, `${s.schema}_pgboss`);
        return s.url;
      },
    ],
  ];
  return {
    backends,
    async cleanup() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      await dropSchemas(schemas);
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
