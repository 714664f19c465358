import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openQueue } from "../../../src/queue/open-queue.js";
import type { EnqueueResult, Queue } from "../../../src/queue/types.js";

// The SQLite queue commits the enqueues of one event-loop turn together; each must behave as if alone.
let queue: Queue;
beforeEach(async () => {
  queue = await openQueue({ databaseUrl: "sqlite::memory:", pollMs: 10 });
});
afterEach(async () => {
  await queue.close();
});

describe("enqueues batched in one transaction", () => {
  it("dedupe and supersede see each other in arrival order", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        queue.enqueue({
          type: "review",
          // Every third delivery is a redelivery of the one before it.
          deliveryId: `d${i % 3 === 2 ? i - 1 : i}`,
          supersedeKey: "acme/shop#1:review",
          payload: { push: i },
        }),
      ),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(8);
    // Each new job supersedes exactly the one created before it; a redelivery supersedes nothing.
    let previous: EnqueueResult | undefined;
    for (const r of results) {
      if (!r.created) {
        expect(r.superseded).toEqual([]);
        expect(r.id).toBe(previous?.id);
        continue;
      }
      expect(r.superseded.map((j) => j.id)).toEqual(previous ? [previous.id] : []);
      previous = r;
    }
    expect(await queue.counts()).toMatchObject({ queued: 1, superseded: 7 });
  });

  it("a job that cannot be stored fails alone; the rest of its batch is stored", async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const settled = await Promise.allSettled([
      queue.enqueue({ type: "review", deliveryId: "ok-1", payload: {} }),
      queue.enqueue({ type: "review", deliveryId: "bad", payload: circular }),
      queue.enqueue({ type: "review", deliveryId: "ok-2", payload: {} }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await queue.counts()).queued).toBe(2);
    // And the failed delivery can be enqueued again once it is fixed.
    expect((await queue.enqueue({ type: "review", deliveryId: "bad", payload: {} })).created).toBe(true);
  });
});
