import type { JobHandler, Queue, QueueCounts } from "../../src/queue/types.js";

/** Starts a worker, waits (up to timeoutMs) until no job is queued or running, stops it; the final counts. */
export async function drainQueue(
  queue: Queue,
  handler: JobHandler,
  timeoutMs = 30_000,
): Promise<QueueCounts> {
  const pool = await queue.work(handler, { concurrency: 1 });
  let counts = await queue.counts();
  const deadline = Date.now() + timeoutMs;
  while ((counts.queued > 0 || counts.running > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    counts = await queue.counts();
  }
  await pool.stop();
  return counts;
}
