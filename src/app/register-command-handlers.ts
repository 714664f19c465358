import type { Probot } from "probot";
import {
  buildCommandJobFromCheckRun,
  buildCommandJobFromComment,
  type CheckRunActionEvent,
  type IssueCommentEvent,
  type ReviewCommentEvent,
} from "./build-command-job.js";
import { enqueue, type HandlerDeps } from "./register-review-handlers.js";

export type CommandHandlerDeps = HandlerDeps;

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
    // Most comments are not commands: their skips are logged at debug, not one info line per comment.
    await enqueue(deps, context, built, { quietSkips: true });
  });
  app.on("check_run.requested_action", async (context) => {
    await enqueue(
      deps,
      context,
      buildCommandJobFromCheckRun(context.id, context.payload as CheckRunActionEvent),
      // The review handler takes the "Re-run" button: this one's skip is the expected case.
      { quietSkips: true },
    );
  });
}
