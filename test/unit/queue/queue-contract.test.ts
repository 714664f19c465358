import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openQueue } from "../../../src/queue/open-queue.js";
import { createPgBossBackend } from "../../../src/queue/pgboss-queue.js";
import { createSqliteBackend } from "../../../src/queue/sqlite-queue.js";
import type { Job, JobContext, Queue, QueueCounts } from "../../../src/queue/types.js";
import { FatalJobError, RetryableError } from "../../../src/queue/types.js";
import { createTestDatabases, waitFor } from "./queue-test-backends.js";

const dbs = createTestDatabases("queue");
afterAll(() => dbs.cleanup());

// A claim or settle that fails (a locked database, say) is logged, not thrown: no test may log one.
const errors: string[] = [];
const quiet = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };
afterEach(() => {
  expect(errors.splice(0)).toEqual([]);
});
const zero: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0, dead: 0, superseded: 0 };

describe.each(dbs.backends)("queue contract on %s", (kind, makeUrl) => {
  const open = async (url: string, over: { maxAttempts?: number } = {}) => {
    const q = await openQueue({
      databaseUrl: url,
      leaseSeconds: 1,
      backoffSeconds: 1,
      pollMs: 50,
      log: quiet,
      ...over,
    });
    opened.push(q);
    return q;
  };
  const opened: Queue[] = [];
  afterAll(async () => {
    for (const q of opened) await q.close();
  });
  const countsOf = (q: Queue, want: Partial<QueueCounts>) =>
    waitFor(`counts ${JSON.stringify(want)}`, async () => {
      const c = await q.counts();
      return Object.entries(want).every(([k, v]) => c[k as keyof QueueCounts] === v) && c;
    });

  it("runs an enqueued job once and counts it done", async () => {
    const q = await open(makeUrl());
    expect(q.kind).toBe(kind);
    const r = await q.enqueue({ type: "review", deliveryId: "d-1", payload: { pr: 7, nested: { a: [1] } } });
    expect(r).toMatchObject({ created: true, superseded: [] });
    expect(await q.counts()).toEqual({ ...zero, queued: 1 });
    const seen: Job[] = [];
    const pool = await q.work(async ({ job }) => {
      seen.push(job);
    });
    expect(await countsOf(q, { done: 1 })).toEqual({ ...zero, done: 1 });
    await pool.stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: r.id, type: "review", deliveryId: "d-1", attempt: 1 });
    expect(seen[0]?.payload).toEqual({ pr: 7, nested: { a: [1] } });
  });

  it("never makes two jobs of one delivery id, even when enqueued at once", async () => {
    const q = await open(makeUrl());
    const results = await Promise.all(
      Array.from({ length: 6 }, () => q.enqueue({ type: "review", deliveryId: "same", payload: {} })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await q.counts()).toEqual({ ...zero, queued: 1 });
  });

  it("supersedes a queued job of the same key", async () => {
    const q = await open(makeUrl());
    const a = await q.enqueue({
      type: "review",
      deliveryId: "a",
      supersedeKey: "o/r#1",
      payload: { sha: "a" },
    });
    const b = await q.enqueue({
      type: "review",
      deliveryId: "b",
      supersedeKey: "o/r#1",
      payload: { sha: "b" },
    });
    const other = await q.enqueue({ type: "review", deliveryId: "c", supersedeKey: "o/r#2", payload: {} });
    expect(b.superseded.map((j) => [j.id, j.deliveryId, j.payload])).toEqual([[a.id, "a", { sha: "a" }]]);
    expect(other.superseded).toEqual([]);
    const ran: string[] = [];
    const pool = await q.work(async ({ job }) => {
      ran.push(job.deliveryId);
    });
    await countsOf(q, { done: 2, superseded: 1 });
    await pool.stop();
    expect(ran.sort()).toEqual(["b", "c"]);
  });

  it("signals a running job superseded from another process's queue", async () => {
    const url = makeUrl();
    const q = await open(url);
    const other = await open(url); // as a webhook server elsewhere would
    let started = false;
    let sawSuperseded: boolean | undefined;
    const pool = await q.work(async (ctx: JobContext) => {
      started = true;
      await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve, { once: true }));
      sawSuperseded = await ctx.isSuperseded();
      throw ctx.signal.reason;
    });
    const a = await other.enqueue({ type: "review", deliveryId: "a", supersedeKey: "k", payload: {} });
    await waitFor("job a to start", async () => started);
    const b = await other.enqueue({ type: "review", deliveryId: "b", supersedeKey: "k", payload: {} });
    expect(b.superseded.map((j) => j.id)).toEqual([a.id]);
    await countsOf(q, { superseded: 1, running: 1 }); // b is running now, waiting for its own abort
    expect(sawSuperseded).toBe(true);
    await pool.stop({ graceMs: 0 });
    expect(await q.counts()).toEqual({ ...zero, superseded: 1, queued: 1 });
  });

  it("retries a retryable failure after the delay it asked for, then succeeds", async () => {
    const q = await open(makeUrl());
    await q.enqueue({ type: "review", deliveryId: "r", payload: {} });
    const runs: { attempt: number; at: number }[] = [];
    const pool = await q.work(async ({ job }) => {
      runs.push({ attempt: job.attempt, at: Date.now() });
      if (job.attempt === 1) throw new RetryableError("GitHub answered 502", 2);
    });
    await countsOf(q, { done: 1 });
    await pool.stop();
    expect(runs.map((r) => r.attempt)).toEqual([1, 2]);
    expect((runs[1]?.at ?? 0) - (runs[0]?.at ?? 0)).toBeGreaterThanOrEqual(1900);
  });

  it("fails a fatal error at once, without retrying", async () => {
    const q = await open(makeUrl());
    await q.enqueue({ type: "review", deliveryId: "f", payload: {} });
    let runs = 0;
    const pool = await q.work(async () => {
      runs++;
      throw new FatalJobError("invalid .github/java-judge.yml");
    });
    await countsOf(q, { failed: 1 });
    await pool.stop();
    expect(runs).toBe(1);
    expect(await q.counts()).toEqual({ ...zero, failed: 1 });
  });

  it("moves a job that keeps failing to the dead letters after maxAttempts", async () => {
    const q = await open(makeUrl(), { maxAttempts: 3 });
    await q.enqueue({ type: "review", deliveryId: "x", payload: {} });
    const attempts: number[] = [];
    const pool = await q.work(async ({ job }) => {
      attempts.push(job.attempt);
      throw new RetryableError("secondary rate limit", 0);
    });
    await countsOf(q, { dead: 1 });
    await pool.stop();
    expect(attempts).toEqual([1, 2, 3]);
    expect(await q.counts()).toEqual({ ...zero, dead: 1 });
  });

  it("keeps a long job's lease alive while its handler runs", async () => {
    const q = await open(makeUrl());
    await q.enqueue({ type: "review", deliveryId: "long", payload: {} });
    const attempts: number[] = [];
    const pool = await q.work(
      async ({ job }) => {
        attempts.push(job.attempt);
        await new Promise((r) => setTimeout(r, 2500)); // 2.5 leases
      },
      { concurrency: 2 },
    );
    await countsOf(q, { done: 1 });
    await pool.stop();
    expect(attempts).toEqual([1]);
  });

  it("on stop, lets a running job finish, or releases it without spending an attempt", async () => {
    const q = await open(makeUrl());
    await q.enqueue({ type: "review", deliveryId: "s", payload: {} });
    const attempts: number[] = [];
    const first = await q.work(async ({ job, signal }) => {
      attempts.push(job.attempt);
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      throw signal.reason;
    });
    await countsOf(q, { running: 1 });
    await first.stop({ graceMs: 100 });
    expect(await q.counts()).toEqual({ ...zero, queued: 1 });
    const second = await q.work(async ({ job }) => {
      attempts.push(job.attempt);
      await new Promise((r) => setTimeout(r, 200));
    });
    // Wait for the second handler itself: a count of "running" may still be the released claim's.
    for (let i = 0; i < 500 && attempts.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(attempts).toHaveLength(2);
    await second.stop(); // default grace: the job finishes
    expect(await q.counts()).toEqual({ ...zero, done: 1 });
    expect(attempts).toEqual([1, 1]);
  });

  it("reruns a job whose worker stopped renewing its lease, and refuses the dead worker's late result", async () => {
    const url = makeUrl();
    const q = await open(url);
    const { id } = await q.enqueue({ type: "review", deliveryId: "lease", payload: {} });
    const settings = { leaseSeconds: 1, maxAttempts: 5, backoffSeconds: 1, pollMs: 50 };
    // What a dead worker leaves behind: a claim whose lease nobody renews.
    const dead =
      kind === "sqlite"
        ? await createSqliteBackend(url, settings)
        : await createPgBossBackend(url, settings, quiet);
    try {
      const claimed = await dead.claim("dead-worker");
      expect(claimed).toMatchObject({ id, attempt: 1 });
      const attempts: number[] = [];
      const pool = await q.work(async ({ job }) => {
        attempts.push(job.attempt);
      });
      await countsOf(q, { done: 1 });
      await pool.stop();
      expect(attempts).toEqual([2]);
      expect(await dead.settle(claimed as Job, "dead-worker", { kind: "done" })).toBe(false);
      expect(await q.counts()).toEqual({ ...zero, done: 1 });
    } finally {
      await dead.close();
    }
  });
});
