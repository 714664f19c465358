import { UsageError } from "../errors.js";
import { parseDatabaseUrl } from "../store/parse-database-url.js";
import { createQueue } from "./create-queue.js";
import { createPgBossBackend } from "./pgboss-queue.js";
import type { QueueSettings } from "./queue-backend.js";
import { createSqliteBackend } from "./sqlite-queue.js";
import type { Queue, QueueLogger } from "./types.js";

export interface OpenQueueParams {
  /** `sqlite:PATH` (the store's file) or `postgres://...[?schema=NAME]` (pg-boss). */
  databaseUrl: string;
  /** A lease lasts this long and is renewed while the handler runs; a dead worker's job reruns after it. */
  leaseSeconds?: number;
  /** Runs per job before it goes to the dead letters. */
  maxAttempts?: number;
  /** First retry delay; doubled at each attempt (a RetryableError's retryAfterSeconds wins). */
  backoffSeconds?: number;
  /** How often an idle worker looks for a job. */
  pollMs?: number;
  log?: QueueLogger;
}

const stderrLog: QueueLogger = {
  info: () => {},
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

export async function openQueue(params: OpenQueueParams): Promise<Queue> {
  const settings: QueueSettings = {
    leaseSeconds: params.leaseSeconds ?? 60,
    maxAttempts: params.maxAttempts ?? 5,
    backoffSeconds: params.backoffSeconds ?? 10,
    pollMs: params.pollMs ?? 1000,
  };
  validate(settings);
  const log = params.log ?? stderrLog;
  const target = parseDatabaseUrl(params.databaseUrl);
  const backend =
    target.kind === "sqlite"
      ? await createSqliteBackend(params.databaseUrl, settings)
      : await createPgBossBackend(params.databaseUrl, settings, log);
  return createQueue(backend, settings, log);
}

function validate(s: QueueSettings): void {
  // pg-boss counts expiry and delays in whole seconds.
  if (!Number.isInteger(s.leaseSeconds) || s.leaseSeconds < 1) {
    throw new UsageError(`leaseSeconds must be a whole number >= 1, got ${s.leaseSeconds}`);
  }
  if (!Number.isInteger(s.maxAttempts) || s.maxAttempts < 1) {
    throw new UsageError(`maxAttempts must be a whole number >= 1, got ${s.maxAttempts}`);
  }
  if (!Number.isInteger(s.backoffSeconds) || s.backoffSeconds < 0) {
    throw new UsageError(`backoffSeconds must be a whole number >= 0, got ${s.backoffSeconds}`);
  }
  if (!(s.pollMs >= 10)) throw new UsageError(`pollMs must be at least 10, got ${s.pollMs}`);
}
