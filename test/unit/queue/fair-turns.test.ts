import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openQueue } from "../../../src/queue/open-queue.js";
import type { JobContext, Queue, QueueCounts } from "../../../src/queue/types.js";
import { createTestDatabases, waitFor } from "./queue-test-backends.js";

const dbs = createTestDatabases("fair");
afterAll(() => dbs.cleanup());
const errors: string[] = [];
const quiet = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };
afterEach(() => {
  expect(errors.splice(0)).toEqual([]);
});

/** A review-like payload: fairness comes from its installation and pull request. */
const pr = (installationId: number, pullNumber: number, name: string) => ({
  installationId,
  owner: `org${installationId}`,
  repo: "app",
  pullNumber,
  name,
});

describe.each(dbs.backends)("round-robin claims and turns on %s", (_kind, makeUrl) => {
  const opened: Queue[] = [];
  afterAll(async () => {
    for (const q of opened) await q.close();
  });
  const open = async () => {
    const q = await openQueue({ databaseUrl: makeUrl(), leaseSeconds: 5, pollMs: 20, log: quiet });
    opened.push(q);
    return q;
  };
  const drained = (q: Queue, done: number) =>
    waitFor("the queue to drain", async () => {
      const c: QueueCounts = await q.counts();
      return c.queued === 0 && c.running === 0 && c.done === done;
    });

  it("takes installations in turn, then pull requests, not first in first out", async () => {
    const q = await open();
    // FIFO would run a1, a1-again, a2, b1.
    await q.enqueue({ type: "t", deliveryId: "1", payload: pr(1, 1, "a1") });
    await q.enqueue({ type: "t", deliveryId: "2", payload: pr(1, 1, "a1-again") });
    await q.enqueue({ type: "t", deliveryId: "3", payload: pr(1, 2, "a2") });
    await q.enqueue({ type: "t", deliveryId: "4", payload: pr(2, 1, "b1") });
    const order: string[] = [];
    const pool = await q.work(async ({ job }) => {
      order.push(String(job.payload.name));
    });
    await drained(q, 4);
    await pool.stop();
    expect(order).toEqual(["a1", "b1", "a2", "a1-again"]);
  });

  it("a job that yields between slices goes behind the waiting ones and resumes with its turn", async () => {
    const q = await open();
    await q.enqueue({ type: "t", deliveryId: "big", payload: pr(1, 1, "big") });
    const log: string[] = [];
    let smallsSent = false;
    const pool = await q.work(async (ctx: JobContext) => {
      const name = String(ctx.job.payload.name);
      const slice = ((ctx.turns?.previous?.state.slice as number | undefined) ?? 0) + 1;
      log.push(`${name}:${slice}:attempt ${ctx.job.attempt}`);
      // The time budget counts the turns' running time, not the wait: the first turn ran >= 60 ms.
      if (slice === 2) expect(ctx.job.turn?.spentMs).toBeGreaterThanOrEqual(55);
      if (name !== "big") return;
      if (!smallsSent) {
        smallsSent = true;
        await q.enqueue({ type: "t", deliveryId: "s1", payload: pr(1, 2, "small-a") });
        await q.enqueue({ type: "t", deliveryId: "s2", payload: pr(2, 1, "small-b") });
        await new Promise((r) => setTimeout(r, 60)); // longer than pollMs: nobody else is taking them
      }
      if (slice < 3 && (await ctx.turns?.othersWaiting())) ctx.turns?.yield({ slice });
    });
    await drained(q, 3);
    await pool.stop();
    // Installation 2 was never served, so small-b goes first; then big's installation, whose PR #2 waited.
    expect(log).toEqual(["big:1:attempt 1", "small-b:1:attempt 1", "small-a:1:attempt 1", "big:2:attempt 1"]);
  });

  it("a yielded job superseded while it waits still runs once, told it is superseded", async () => {
    const q = await open();
    const key = "org1/app#1:review";
    const seen: { name: string; superseded: boolean }[] = [];
    const first = await q.enqueue({
      type: "t",
      deliveryId: "p1",
      supersedeKey: key,
      payload: pr(1, 1, "push-1"),
    });
    await q.enqueue({ type: "t", deliveryId: "other", payload: pr(2, 1, "other") });
    let pushed = false;
    const pool = await q.work(async (ctx) => {
      const name = String(ctx.job.payload.name);
      seen.push({ name, superseded: await ctx.isSuperseded() });
      if (name === "push-1" && !pushed) {
        pushed = true;
        await new Promise((r) => setTimeout(r, 60));
        if (await ctx.turns?.othersWaiting()) ctx.turns?.yield({ at: 1 });
      }
      if (name === "other") {
        await q.enqueue({ type: "t", deliveryId: "p2", supersedeKey: key, payload: pr(1, 1, "push-2") });
      }
    });
    await waitFor("every job to end", async () => {
      const c = await q.counts();
      return c.queued === 0 && c.running === 0 && c.done + c.superseded === 3 && c;
    });
    await pool.stop();
    expect(seen.map((s) => s.name)).toContain("push-2");
    expect(seen.filter((s) => s.name === "push-1")).toEqual([
      { name: "push-1", superseded: false },
      { name: "push-1", superseded: true },
    ]);
    expect(first.created).toBe(true);
    expect(await q.counts()).toMatchObject({ done: 2, superseded: 1 });
  });
});
