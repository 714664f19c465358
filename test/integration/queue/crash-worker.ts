// A worker process for the crash test: runs jobs, writing each step to a log file that outlives it.
// WORKER_MODE=hang: hang inside the first job (the test kills the process with SIGKILL there).
// WORKER_MODE=finish: run jobs to completion; exit once the queue holds nothing queued or running.
import { appendFileSync } from "node:fs";
import { openQueue } from "../../../src/queue/open-queue.js";

const url = process.env.DATABASE_URL ?? "";
const logFile = process.env.SIDE_EFFECT_LOG ?? "";
const mode = process.env.WORKER_MODE ?? "finish";
const record = (line: string) => appendFileSync(logFile, `${line}\n`);

const queue = await openQueue({ databaseUrl: url, leaseSeconds: 1, backoffSeconds: 1, pollMs: 50 });
const pool = await queue.work(async ({ job }) => {
  record(`start ${job.id} attempt=${job.attempt} pid=${process.pid}`);
  if (mode === "hang") await new Promise(() => {});
  // The side effect the job exists for (posting a review, say), recorded once per completed run.
  record(`done ${job.id} attempt=${job.attempt} pid=${process.pid}`);
});

if (mode === "finish") {
  for (;;) {
    const c = await queue.counts();
    if (c.queued === 0 && c.running === 0 && c.done > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await pool.stop();
  await queue.close();
}
