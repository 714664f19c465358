import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openQueue } from "../../../src/queue/open-queue.js";
import { createTestDatabases, waitFor } from "../../unit/queue/queue-test-backends.js";
import { startWorkerProcess } from "../support/start-worker-process.js";

const dbs = createTestDatabases("crash");
const dir = mkdtempSync(join(tmpdir(), "jj-crash-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dbs.cleanup();
});

const script = fileURLToPath(new URL("./crash-worker.ts", import.meta.url));

const startWorker = (env: Record<string, string>) => startWorkerProcess(script, env);

describe.each(dbs.backends)("a worker killed with SIGKILL mid-job, on %s", (_kind, makeUrl) => {
  it("leaves a job that a second worker completes, exactly once, after the lease expires", async () => {
    const url = makeUrl();
    const logFile = join(dir, `${_kind}.log`);
    writeFileSync(logFile, "");
    const queue = await openQueue({ databaseUrl: url, leaseSeconds: 1, backoffSeconds: 1, pollMs: 50 });
    try {
      const { id } = await queue.enqueue({ type: "review", deliveryId: "crash-1", payload: { pr: 1 } });
      const lines = () => readFileSync(logFile, "utf8").split("\n").filter(Boolean);

      const first = startWorker({ DATABASE_URL: url, SIDE_EFFECT_LOG: logFile, WORKER_MODE: "hang" });
      await waitFor("the first worker to start the job", async () => lines().length > 0, 30_000);
      first.child.kill("SIGKILL");
      expect(await first.exited).toBeNull(); // killed, not exited
      expect((await queue.counts()).running).toBe(1); // the dead worker's lease is still there

      const second = startWorker({ DATABASE_URL: url, SIDE_EFFECT_LOG: logFile, WORKER_MODE: "finish" });
      expect(await second.exited).toBe(0);

      const log = lines().map((l) => l.replace(/ pid=\d+/, ""));
      expect(log).toEqual([`start ${id} attempt=1`, `start ${id} attempt=2`, `done ${id} attempt=2`]);
      expect(await queue.counts()).toEqual({
        queued: 0,
        running: 0,
        done: 1,
        failed: 0,
        dead: 0,
        superseded: 0,
      });
    } finally {
      await queue.close();
    }
  });
});
