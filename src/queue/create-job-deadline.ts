import { resolveJobBudget } from "./resolve-job-budget.js";
import { type JobBudget, type JobDeadline, JobTimeoutError } from "./types.js";

export interface RunningDeadline extends JobDeadline {
  /** Resolves when the budget runs out (never, once cleared). */
  readonly expired: Promise<JobTimeoutError>;
  /** Stops the timer: the job ended. */
  clear(): void;
}

/**
 * The time budget of one job, counted from now less `spentMs` (what its earlier turns ran: a job that yields
 * its worker keeps one budget for its whole run, and the time it waits behind others does not count): a timer
 * that aborts `signal` with a JobTimeoutError.
 */
export function createJobDeadline(jobType: string, server: JobBudget, spentMs = 0): RunningDeadline {
  const controller = new AbortController();
  const started = performance.now() - spentMs;
  let budget = server;
  let timer: NodeJS.Timeout | undefined;
  let expire: (error: JobTimeoutError) => void = () => {};
  const expired = new Promise<JobTimeoutError>((resolve) => {
    expire = resolve;
  });
  const arm = () => {
    clearTimeout(timer);
    const left = Math.max(0, budget.seconds * 1000 - (performance.now() - started));
    timer = setTimeout(() => {
      const error = new JobTimeoutError(jobType, budget);
      controller.abort(error);
      expire(error);
    }, left);
  };
  arm();
  return {
    signal: controller.signal,
    expired,
    budget: () => budget,
    limit(seconds, source) {
      if (controller.signal.aborted) return;
      const next = resolveJobBudget(server, { seconds, source });
      if (next === budget) return;
      budget = next;
      arm();
    },
    remainingMs: () =>
      controller.signal.aborted ? 0 : Math.max(0, budget.seconds * 1000 - (performance.now() - started)),
    clear: () => clearTimeout(timer),
  };
}
