import type { Probot } from "probot";
import type { EnqueueResult, JobInput, Queue } from "../queue/types.js";
import {
  type BuiltJob,
  buildReviewJobFromCheckRun,
  buildReviewJobFromPullRequest,
} from "./build-review-job.js";

export interface HandlerDeps {
  queue: Pick<Queue, "enqueue">;
  /** Called after every enqueue (metrics, waking in-process workers). */
  onEnqueued?: (job: JobInput, result: EnqueueResult) => void;
}

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
] as const;

/**
 * The review handlers only turn an event into a job: no GitHub call and no model work on the webhook's
 * path, since GitHub waits 10 s for the ack and never redelivers on its own. The delivery id makes a
 * redelivery a no-op; the supersede key lets a new push cancel the PR's older job.
 */
export function registerReviewHandlers(app: Probot, deps: HandlerDeps): void {
  app.on([...PULL_REQUEST_EVENTS], async (context) => {
    await enqueue(deps, context, buildReviewJobFromPullRequest(context.id, context.payload));
  });
  app.on(["check_run.rerequested", "check_run.requested_action"], async (context) => {
    await enqueue(deps, context, buildReviewJobFromCheckRun(context.id, context.payload));
  });
}

/** Enqueues a built job, or logs why the event makes none (`quietSkips`: at debug, for events mostly skipped). */
export async function enqueue(
  deps: HandlerDeps,
  context: {
    id: string;
    name: string;
    log: { debug(o: object, m: string): void; info(o: object, m: string): void };
  },
  built: BuiltJob,
  options: { quietSkips?: boolean } = {},
): Promise<void> {
  if ("skip" in built) {
    const log = options.quietSkips ? context.log.debug : context.log.info;
    log.call(context.log, { delivery: context.id }, `${context.name}: ignored (${built.skip})`);
    return;
  }
  const result = await deps.queue.enqueue(built.job);
  deps.onEnqueued?.(built.job, result);
  context.log.info(
    { delivery: context.id, job: result.id, created: result.created, superseded: result.superseded.length },
    `${context.name}: ${result.created ? "enqueued" : "already enqueued"} ${built.job.type} job`,
  );
}
