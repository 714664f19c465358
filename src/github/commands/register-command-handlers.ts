import type { Probot } from "probot";
import type { EnqueueResult, JobInput, Queue } from "../../queue/types.js";
import {
  buildCommandJobFromCheckRun,
  buildCommandJobFromComment,
  type CheckRunActionEvent,
  type IssueCommentEvent,
  type ReviewCommentEvent,
} from "./build-command-job.js";

export interface CommandHandlerDeps {
  queue: Pick<Queue, "enqueue">;
  onEnqueued?: (job: JobInput, result: EnqueueResult) => void;
}

/**
 * `/judge` comments and the "Suggest fixes" button become `command` jobs. No GitHub call here: the
 * permission check, the rate limit, the 👀 and every reply happen in the job, after the ack.
 */
export function registerCommandHandlers(app: Probot, deps: CommandHandlerDeps): void {
  app.on(["issue_comment.created", "pull_request_review_comment.created"], async (context) => {
    const built = buildCommandJobFromComment(
      context.id,
      context.payload as IssueCommentEvent | ReviewCommentEvent,
    );
    await enqueue(deps, context, built);
  });
  app.on("check_run.requested_action", async (context) => {
    await enqueue(
      deps,
      context,
      buildCommandJobFromCheckRun(context.id, context.payload as CheckRunActionEvent),
    );
  });
}

async function enqueue(
  deps: CommandHandlerDeps,
  context: {
    id: string;
    name: string;
    log: { debug(o: object, m: string): void; info(o: object, m: string): void };
  },
  built: ReturnType<typeof buildCommandJobFromComment>,
): Promise<void> {
  if ("skip" in built) {
    // Most comments are not commands: debug, not info, so the log is not one line per comment.
    context.log.debug({ delivery: context.id }, `${context.name}: ignored (${built.skip})`);
    return;
  }
  const result = await deps.queue.enqueue(built.job);
  deps.onEnqueued?.(built.job, result);
  context.log.info(
    { delivery: context.id, job: result.id, created: result.created },
    `${context.name}: ${result.created ? "enqueued" : "already enqueued"} command job`,
  );
}
