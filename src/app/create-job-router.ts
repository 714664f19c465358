import { FatalJobError, type JobContext, type JobHandler } from "../queue/types.js";

/** One JobHandler for the queue, dispatching on the job's type; features add their own types. */
export function createJobRouter(handlers: Record<string, JobHandler>): JobHandler {
  return async (ctx: JobContext) => {
    const handler = handlers[ctx.job.type];
    if (!handler) throw new FatalJobError(`no handler for job type "${ctx.job.type}"`);
    await handler(ctx);
  };
}
