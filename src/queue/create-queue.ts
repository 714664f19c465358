import { fairnessOf } from "./fairness-of.js";
import type { QueueBackend, QueueSettings } from "./queue-backend.js";
import { type LocalWorkerPool, startWorkers } from "./start-workers.js";
import type { Queue, QueueLogger } from "./types.js";

/** The Queue both engines share: the worker loop, local wake-ups and in-process supersede signals. */
export function createQueue(backend: QueueBackend, settings: QueueSettings, log: QueueLogger): Queue {
  const pools = new Set<LocalWorkerPool>();
  let closed = false;
  return {
    kind: backend.kind,
    async enqueue(input) {
      if (!input.type) throw new Error("a job needs a type");
      if (!input.deliveryId) throw new Error(`job ${input.type} needs a delivery id (X-GitHub-Delivery)`);
      const fair = input.fair ?? fairnessOf(input.payload);
      const result = await backend.enqueue(fair ? { ...input, fair } : input);
      for (const pool of pools) {
        for (const older of result.superseded) pool.supersede(older.id);
        if (result.created) pool.wake();
      }
      return result;
    },
    async work(handler, opts = {}) {
      if (closed) throw new Error("the queue is closed");
      const pool = startWorkers({ backend, handler, concurrency: opts.concurrency ?? 1, settings, log });
      pools.add(pool);
      return {
        async stop(stopOpts) {
          await pool.stop(stopOpts);
          pools.delete(pool);
        },
      };
    },
    counts: () => backend.counts(),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...pools].map((pool) => pool.stop({ graceMs: 0 })));
      pools.clear();
      await backend.close();
    },
  };
}
