/** Durable job queue. Implementations: SQLite (embedded, same file as the store) and PostgreSQL (pg-boss). */

import type { JobBudget } from "../config/job-budget.js";
import type { EnqueueResult, Job, JobFairness, JobInput, JobTurn, QueueCounts } from "../store/job-types.js";
import { formatSeconds } from "./format-seconds.js";

export type { EnqueueResult, Job, JobBudget, JobFairness, JobInput, JobTurn, QueueCounts };

/** Thrown by a handler for a failure worth retrying later (GitHub 5xx, secondary rate limit, lease lost). */
export class RetryableError extends Error {
  override name = "RetryableError";
  constructor(
    message: string,
    /** Seconds to wait before the next attempt, when the cause says (retry-after). */
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Thrown for a failure that will not get better by retrying (bad config, unparseable input). */
export class FatalJobError extends Error {
  override name = "FatalJobError";
}

/**
 * A job ran past its time budget. Fatal: the same work would run out again, so the queue fails the job
 * instead of retrying it; the job has said what timed out where the author sees it (check run, reply).
 */
export class JobTimeoutError extends FatalJobError {
  override name = "JobTimeoutError";
  constructor(
    /** The job type ("review", "command", ...). */
    readonly jobType: string,
    readonly budget: JobBudget,
  ) {
    super(
      `the ${jobType} job ran past its time budget of ${formatSeconds(budget.seconds)} (${budget.source})`,
    );
  }
}

/** A running job's deadline (see createJobDeadline). */
export interface JobDeadline {
  /** Aborted, with a JobTimeoutError as its reason, when the budget runs out. */
  readonly signal: AbortSignal;
  /** The budget in force now. */
  budget(): JobBudget;
  /** A repository's budget for this job: it shortens the server's, never lengthens it (null: the server's). */
  limit(seconds: number | null, source: string): void;
  /** Milliseconds left before the budget runs out (0 once it has). */
  remainingMs?(): number;
}

export interface JobContext {
  job: Job;
  /** Aborted when the job is superseded or the worker is shutting down. */
  signal: AbortSignal;
  /** Is this job still the newest for its supersede key? */
  isSuperseded(): Promise<boolean>;
  /** No attempt follows this one: a retryable failure now dead-letters the job, so report it as final. */
  lastAttempt?: boolean;
  /** The job's time budget, where its type has one (withJobDeadline); its signal stops model calls. */
  deadline?: JobDeadline;
  /** Taking turns: a long job may give its worker up between slices when other jobs wait (see JobTurns). */
  turns?: JobTurns;
}

/** How a long job shares its worker: between slices it may yield, and resumes later from what it kept. */
export interface JobTurns {
  /** What the job kept when it last yielded; undefined on its first turn. */
  readonly previous: JobTurn | undefined;
  /** Is another job waiting (runnable, and no idle worker has taken it)? */
  othersWaiting(): Promise<boolean>;
  /**
   * Ends this turn once the handler returns: the job goes back to the queue (its attempt not counted), behind
   * the groups and lanes served less recently, and its next turn gets `state` in `previous`.
   */
  yield(state: Record<string, unknown>): void;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface StopOptions {
  /** How long running jobs may take to finish before their signal aborts and they are released (default 20000). */
  graceMs?: number;
}

export interface WorkerPool {
  /** Stops taking jobs; waits for the running ones to finish, else aborts and releases them (SIGTERM path). */
  stop(opts?: StopOptions): Promise<void>;
}

/** Where the queue reports what it cannot throw (a failed claim, a lost lease); pino's methods fit. */
export interface QueueLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface Queue {
  readonly kind: "sqlite" | "postgres";
  enqueue(job: JobInput): Promise<EnqueueResult>;
  /** Starts `concurrency` workers calling handler; resolves the returned stop() once running jobs end or are released. */
  work(handler: JobHandler, opts?: { concurrency?: number }): Promise<WorkerPool>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}
