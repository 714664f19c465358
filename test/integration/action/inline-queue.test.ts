import { describe, expect, it } from "vitest";
import { createInlineQueue } from "../../../src/action/create-inline-queue.js";
import { FatalJobError, type JobContext, RetryableError } from "../../../src/queue/types.js";

const job = (deliveryId: string, over: { type?: string; supersedeKey?: string } = {}) => ({
  type: over.type ?? "review",
  deliveryId,
  ...(over.supersedeKey === undefined ? {} : { supersedeKey: over.supersedeKey }),
  payload: { n: deliveryId },
});

function recorder(behave: (ctx: JobContext) => Promise<void> = async () => {}) {
  const seen: { id: string; attempt: number }[] = [];
  return {
    seen,
    handler: async (ctx: JobContext) => {
      seen.push({ id: ctx.job.deliveryId, attempt: ctx.job.attempt });
      await behave(ctx);
    },
  };
}

describe("createInlineQueue", () => {
  it("runs each delivery once, in order, jobs enqueued by jobs included", async () => {
    const queue = createInlineQueue();
    expect((await queue.enqueue(job("d1"))).created).toBe(true);
    expect(await queue.enqueue(job("d1"))).toMatchObject({ created: false });
    const r = recorder(async (ctx) => {
      if (ctx.job.deliveryId === "d1") await queue.enqueue(job("d1:review"));
    });
    const reports = await queue.drain(r.handler);
    expect(r.seen).toEqual([
      { id: "d1", attempt: 1 },
      { id: "d1:review", attempt: 1 },
    ]);
    expect(reports.map((x) => x.outcome)).toEqual(["done", "done"]);
  });

  it("a newer job with the same supersede key supersedes the older one", async () => {
    const queue = createInlineQueue();
    await queue.enqueue(job("old", { supersedeKey: "acme/shop#7:review" }));
    const newer = await queue.enqueue(job("new", { supersedeKey: "acme/shop#7:review" }));
    expect(newer.superseded.map((j) => j.deliveryId)).toEqual(["old"]);
    const r = recorder();
    const reports = await queue.drain(r.handler);
    expect(r.seen.map((s) => s.id)).toEqual(["new"]);
    expect(reports.map((x) => [x.job.deliveryId, x.outcome])).toEqual([
      ["old", "superseded"],
      ["new", "done"],
    ]);
  });

  it("retries a RetryableError after the wait GitHub asked for, with the attempt counted", async () => {
    const waits: number[] = [];
    const queue = createInlineQueue({ sleep: async (ms) => void waits.push(ms) });
    await queue.enqueue(job("d1"));
    const r = recorder(async (ctx) => {
      if (ctx.job.attempt === 1) throw new RetryableError("secondary rate limit", 7);
    });
    const [report] = await queue.drain(r.handler);
    expect(report).toMatchObject({ outcome: "done", attempts: 2 });
    expect(r.seen.map((s) => s.attempt)).toEqual([1, 2]);
    expect(waits).toEqual([7000]);
  });

  it("fails at once on a fatal error, and after the last attempt on a retryable one", async () => {
    const queue = createInlineQueue({ maxAttempts: 2, sleep: async () => {} });
    await queue.enqueue(job("fatal"));
    await queue.enqueue(job("flaky"));
    const r = recorder(async (ctx) => {
      throw ctx.job.deliveryId === "fatal"
        ? new FatalJobError("bad payload")
        : new RetryableError("GitHub 502");
    });
    const reports = await queue.drain(r.handler);
    expect(reports.map((x) => [x.job.deliveryId, x.outcome, x.attempts, x.error])).toEqual([
      ["fatal", "failed", 1, "bad payload"],
      ["flaky", "failed", 2, "GitHub 502 (after 2 attempts)"],
    ]);
  });

  it("does not wait longer than an Actions job can: a long retry-after fails the job and says so", async () => {
    const queue = createInlineQueue({ maxDelaySeconds: 60, sleep: async () => expect.unreachable() });
    await queue.enqueue(job("d1"));
    const [report] = await queue.drain(async () => {
      throw new RetryableError("secondary rate limit", 900);
    });
    expect(report).toMatchObject({ outcome: "failed", attempts: 1 });
    expect(report?.error).toBe(
      "secondary rate limit (GitHub asked to wait 900 s; re-run the workflow later)",
    );
  });

  it("reports job types the caller does not run as skipped, without calling the handler", async () => {
    const queue = createInlineQueue();
    await queue.enqueue(job("d1:feedback-poll", { type: "feedback-poll" }));
    const r = recorder();
    const reports = await queue.drain(r.handler, (type) => type === "review");
    expect(r.seen).toEqual([]);
    expect(reports.map((x) => x.outcome)).toEqual(["skipped"]);
  });
});
