import type { ApplicationFunction } from "probot";
import { registerCommandHandlers } from "./register-command-handlers.js";
import { registerFeedbackHandlers } from "./register-feedback-handlers.js";
import { type HandlerDeps, registerReviewHandlers } from "./register-review-handlers.js";

export type AppDeps = HandlerDeps;

/**
 * The Probot app: registers the webhook handlers, each of which only enqueues a job. Other features add
 * their `register…Handlers(app, deps)` call here.
 */
export function createApp(deps: AppDeps): ApplicationFunction {
  return (app) => {
    registerReviewHandlers(app, deps);
    registerCommandHandlers(app, deps);
    registerFeedbackHandlers(app, deps);
  };
}
