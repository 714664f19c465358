import type { Probot } from "probot";
import { buildPollFeedbackJob, buildThreadFeedbackJob } from "./build-feedback-jobs.js";
import { enqueue, type HandlerDeps } from "./register-review-handlers.js";

/**
 * Feedback on the bot's comments, as jobs (no GitHub call on the webhook's path):
 * - a thread resolved by a person (`pull_request_review_thread.resolved`);
 * - 👍 / 👎: GitHub sends no webhook for reactions, so each push to the PR and its closing enqueue a poll of
 *   the reactions on the bot's comments (a reaction added after the PR closed is never seen).
 */
export function registerFeedbackHandlers(app: Probot, deps: HandlerDeps): void {
  app.on("pull_request_review_thread.resolved", async (context) => {
    await enqueue(deps, context, buildThreadFeedbackJob(context.id, context.payload));
  });
  app.on(["pull_request.synchronize", "pull_request.closed"], async (context) => {
    await enqueue(deps, context, buildPollFeedbackJob(context.id, context.payload));
  });
}
