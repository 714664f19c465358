import { randomUUID } from "node:crypto";
import { openJobRepository } from "../store/job-repository.js";
import type { QueueBackend, QueueSettings } from "./queue-backend.js";

/** The embedded engine: a durable job table in the SQLite file, leases renewed while a handler runs. */
export async function createSqliteBackend(
  databaseUrl: string,
  settings: QueueSettings,
): Promise<QueueBackend> {
  const repo = await openJobRepository(databaseUrl);
  const leaseMs = settings.leaseSeconds * 1000;
  return {
    kind: "sqlite",
    enqueue: (input) => repo.insert(input, randomUUID(), new Date()),
    claim: (owner) => repo.claim({ owner, now: new Date(), leaseMs, maxAttempts: settings.maxAttempts }),
    renew: (job, owner) => repo.renew({ jobId: job.id, owner, now: new Date(), leaseMs }),
    settle: (job, owner, outcome) => repo.settle({ jobId: job.id, owner, outcome, now: new Date() }),
    isSuperseded: (job) => repo.isSuperseded(job.id),
    othersWaiting: (job, minWaitMs) => repo.othersWaiting({ jobId: job.id, now: new Date(), minWaitMs }),
    counts: () => repo.counts(),
    close: () => repo.close(),
  };
}
