import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { describeError } from "../errors.js";
import { bossSchemaFor, toBossData } from "../store/boss-job-data.js";
import { parseDatabaseUrl } from "../store/parse-database-url.js";
import { type BossCalls, type BossExecutor, openPgJobRepository } from "../store/pg-job-repository.js";
import type { QueueBackend, QueueSettings } from "./queue-backend.js";
import type { Job, QueueLogger } from "./types.js";

const QUEUE_NAME = "java-judge";

/** The PostgreSQL engine: pg-boss holds the jobs; our tables add exact delivery dedupe and supersede heads. */
export async function createPgBossBackend(
  databaseUrl: string,
  settings: QueueSettings,
  log: QueueLogger,
): Promise<QueueBackend> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind !== "postgres") throw new Error("the pg-boss queue needs a postgres:// DATABASE_URL");
  const repo = await openPgJobRepository(databaseUrl, QUEUE_NAME);
  const boss = new PgBoss({
    connectionString: target.connectionString,
    schema: bossSchemaFor(target.schema),
    max: 4,
    schedule: false,
    // Expiry is checked by our claim loop (below), at the lease's pace; supervision keeps archiving.
    supervise: true,
  });
  boss.on("error", (error) => log.error(`queue: pg-boss: ${describeError(error)}`));
  try {
    await boss.start();
    await boss.createQueue(QUEUE_NAME, {
      name: QUEUE_NAME,
      retryLimit: settings.maxAttempts - 1,
      retryDelay: settings.backoffSeconds,
      retryBackoff: true,
      expireInSeconds: settings.leaseSeconds,
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await repo.close();
    throw new Error(`cannot start the pg-boss queue: ${describeError(error)}`);
  }

  const calls = (jobId: string): BossCalls => ({
    complete: (db) => boss.complete(QUEUE_NAME, jobId, {}, { db }),
    fail: (db, output) => boss.fail(QUEUE_NAME, jobId, output, { db }),
    cancel: (db, ids) => boss.cancel(QUEUE_NAME, ids, { db }),
  });
  const lease = (job: Job) => ({ jobId: job.id, retryCount: job.attempt - 1 });
  let lastExpiry = 0;

  return {
    kind: "postgres",
    enqueue(input) {
      const id = randomUUID();
      const now = new Date();
      const send = async (db: BossExecutor) => {
        const sent = await boss.send(QUEUE_NAME, toBossData(input, now), {
          id,
          db,
          retryLimit: settings.maxAttempts - 1,
          retryDelay: settings.backoffSeconds,
          retryBackoff: true,
          expireInSeconds: settings.leaseSeconds,
        });
        if (sent === null) throw new Error(`pg-boss refused job ${id} for delivery ${input.deliveryId}`);
      };
      return repo.enqueue({ input, id, now, calls: calls(id), send });
    },
    async claim() {
      // Expired leases go back to the queue (or to the dead letters) before we look for work.
      if (Date.now() - lastExpiry >= (settings.leaseSeconds * 1000) / 2) {
        lastExpiry = Date.now();
        await boss.expire();
      }
      return repo.claim();
    },
    renew: (job) => repo.renew(lease(job), job.supersedeKey),
    settle: (job, _owner, outcome) => repo.settle(lease(job), outcome, calls(job.id)),
    isSuperseded: (job) => repo.isSuperseded(job.id, job.supersedeKey),
    othersWaiting: (job, minWaitMs) => repo.othersWaiting(job.id, minWaitMs),
    counts: () => repo.counts(),
    async close() {
      try {
        await boss.stop({ graceful: false, wait: true, close: true });
      } finally {
        await repo.close();
      }
    },
  };
}
