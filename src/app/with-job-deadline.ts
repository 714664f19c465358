import { createJobDeadline } from "../queue/create-job-deadline.js";
import type { JobBudget, JobHandler } from "../queue/types.js";

export interface JobDeadlineParams {
  jobType: string;
  /** The server's budget for this job type; a repository's config may shorten it (ctx.deadline.limit). */
  budget: JobBudget;
  log?: { warn(message: string): void };
  /**
   * After the budget, how long the job may take to notice the abort (model calls check it between tokens and
   * batches) before the worker gives up on it and takes the next job. Default 30 s.
   */
  abandonAfterMs?: number;
}

/**
 * A handler under a time budget: `ctx.deadline` aborts its model calls when the budget runs out; the handler
 * then says so where the author sees it and throws JobTimeoutError, which the queue fails without retrying.
 * A handler that ignores the abort is left running after abandonAfterMs, so no job holds a worker for ever.
 */
export function withJobDeadline(handler: JobHandler, p: JobDeadlineParams): JobHandler {
  const abandonAfterMs = p.abandonAfterMs ?? 30_000;
  return async (ctx) => {
    const deadline = createJobDeadline(p.jobType, p.budget, ctx.job.turn?.spentMs ?? 0);
    let abandon: NodeJS.Timeout | undefined;
    let settled = false;
    const abandoned = deadline.expired.then(
      (timeout) =>
        new Promise<never>((_, reject) => {
          if (settled) return;
          abandon = setTimeout(() => {
            p.log?.warn(
              `job ${ctx.job.id} (${p.jobType}) ignored its deadline for ${abandonAfterMs / 1000} s; the worker moves on`,
            );
            reject(timeout);
          }, abandonAfterMs);
        }),
    );
    try {
      await Promise.race([handler({ ...ctx, deadline }), abandoned]);
    } finally {
      settled = true;
      deadline.clear();
      clearTimeout(abandon);
    }
  };
}
