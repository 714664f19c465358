import { describeError } from "../errors.js";
import { decideOutcome } from "../queue/decide-outcome.js";
import type { EnqueueResult, Job, JobHandler, JobInput, Queue } from "../queue/types.js";

export interface InlineJobReport {
  job: Job;
  outcome: "done" | "failed" | "superseded" | "skipped";
  attempts: number;
  error?: string;
}

/**
 * The app's handlers enqueue here; `drain` then runs each job to completion in this process, jobs that
 * jobs enqueue (a `/judge review`) included. A job whose type `runs` refuses is reported as skipped.
 */
export interface InlineQueue extends Pick<Queue, "enqueue"> {
  drain(handler: JobHandler, runs?: (type: string) => boolean): Promise<InlineJobReport[]>;
}

export interface InlineQueueOptions {
  /** Attempts per job before it fails (a RetryableError is tried again; anything else fails at once). */
  maxAttempts?: number;
  backoffSeconds?: number;
  /** The longest wait for a retry: an Actions job has minutes, not the hour a queue may wait. */
  maxDelaySeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/**
 * A queue for one Actions job: no store and no other worker, so one event's jobs run in order, inline.
 * It keeps the queue's rules that still apply: one job per delivery id, a newer job with the same supersede
 * key supersedes the older, retryable failures are tried again (by `decideOutcome`), others are reported.
 */
export function createInlineQueue(options: InlineQueueOptions = {}): InlineQueue {
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffSeconds = options.backoffSeconds ?? 5;
  const maxDelaySeconds = options.maxDelaySeconds ?? 120;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  const jobs: Job[] = [];
  const superseded = new Set<string>();
  const seen = new Map<string, Job>();

  async function runOne(job: Job, handler: JobHandler): Promise<InlineJobReport> {
    for (let attempt = 1; ; attempt++) {
      const isSuperseded = async () => superseded.has(job.id);
      let ok = false;
      let error: unknown;
      try {
        await handler({ job: { ...job, attempt }, signal: new AbortController().signal, isSuperseded });
        ok = true;
      } catch (e) {
        error = e;
      }
      const outcome = decideOutcome({
        ok,
        error,
        superseded: superseded.has(job.id),
        shuttingDown: false,
        attempt,
        maxAttempts,
        backoffSeconds,
      });
      if (outcome.kind === "done" || outcome.kind === "superseded")
        return { job, outcome: outcome.kind, attempts: attempt };
      if (outcome.kind === "retry" && outcome.delaySeconds <= maxDelaySeconds) {
        await sleep(outcome.delaySeconds * 1000);
        continue;
      }
      const why =
        outcome.kind === "retry"
          ? `${outcome.error} (GitHub asked to wait ${outcome.delaySeconds} s; re-run the workflow later)`
          : "error" in outcome
            ? outcome.error
            : describeError(error);
      return { job, outcome: "failed", attempts: attempt, error: why };
    }
  }

  return {
    async enqueue(input: JobInput): Promise<EnqueueResult> {
      const existing = seen.get(input.deliveryId);
      if (existing) return { id: existing.id, created: false, superseded: [] };
      const older = jobs.filter(
        (j) =>
          input.supersedeKey !== undefined && j.supersedeKey === input.supersedeKey && !superseded.has(j.id),
      );
      for (const j of older) superseded.add(j.id);
      const job: Job = {
        ...input,
        id: `inline-${jobs.length + 1}`,
        attempt: 1,
        createdAt: now().toISOString(),
      };
      jobs.push(job);
      seen.set(job.deliveryId, job);
      return { id: job.id, created: true, superseded: older };
    },
    async drain(handler, runs = () => true) {
      const reports: InlineJobReport[] = [];
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        if (superseded.has(job.id)) reports.push({ job, outcome: "superseded", attempts: 0 });
        else if (!runs(job.type)) reports.push({ job, outcome: "skipped", attempts: 0 });
        else reports.push(await runOne(job, handler));
      }
      return reports;
    },
  };
}
