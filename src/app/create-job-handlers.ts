import type { Probot } from "probot";
import type { JobBudgets } from "../config/read-server-env.js";
import { createFeedbackJobHandler, FEEDBACK_JOB_TYPES } from "../feedback/create-feedback-job-handler.js";
import type { GeneratorLoader } from "../generator/create-generator-loader.js";
import type { JudgeStats } from "../judge/types.js";
import type { JobHandler, Queue } from "../queue/types.js";
import type { MethodExtractor } from "../review/collect-changed-methods.js";
import { COMMAND_JOB } from "../review/command-job-payload.js";
import type { JudgeLoader } from "../review/create-judge-loader.js";
import { REVIEW_JOB } from "../review/review-job-payload.js";
import type { ReviewJobResult } from "../review/run-review-job.js";
import type { MethodOutcome } from "../review/types.js";
import { createCommandJobHandler } from "../slash-commands/create-command-job-handler.js";
import type { CommandJobResult } from "../slash-commands/run-command-job.js";
import type { Store } from "../store/types.js";
import { createReviewJobHandler } from "./create-review-job-handler.js";
import { withJobDeadline } from "./with-job-deadline.js";

export interface JobHandlersDeps {
  probot: Pick<Probot, "auth">;
  store: Store;
  /** Where a review enqueues auto suggestions and `/judge review` its review job. */
  queue: Pick<Queue, "enqueue">;
  getJudge: JudgeLoader["get"];
  getGenerator: GeneratorLoader["get"];
  javaParser: MethodExtractor;
  log: { info(message: string): void; warn(message: string): void };
  /** Feedback jobs need a store that outlives the job (not Action mode). */
  feedback: boolean;
  /** The server's time budget of each job type (JOB_TIMEOUT_*_S). */
  budgets: JobBudgets;
  onJudged?: (outcomes: MethodOutcome[], stats: JudgeStats) => void;
  onReviewed?: (result: ReviewJobResult) => void;
  onCommand?: (result: CommandJobResult) => void;
}

/** Every job type's handler, by type, each under its time budget: one wiring for `serve`/`worker` and `action`. */
export function createJobHandlers(deps: JobHandlersDeps): Record<string, JobHandler> {
  const clock = { now: () => new Date() };
  const handlers: Record<string, JobHandler> = {
    [REVIEW_JOB]: createReviewJobHandler({
      probot: deps.probot,
      queue: deps.queue,
      getJudge: deps.getJudge,
      store: deps.store,
      javaParser: deps.javaParser,
      clock,
      log: deps.log,
      ...(deps.onJudged ? { onJudged: deps.onJudged } : {}),
      ...(deps.onReviewed ? { onDone: deps.onReviewed } : {}),
    }),
    [COMMAND_JOB]: createCommandJobHandler({
      probot: deps.probot,
      store: deps.store,
      queue: deps.queue,
      getGenerator: deps.getGenerator,
      getJudge: deps.getJudge,
      javaParser: deps.javaParser,
      clock,
      log: deps.log,
      ...(deps.onCommand ? { onDone: deps.onCommand } : {}),
    }),
  };
  if (deps.feedback) {
    const feedback = createFeedbackJobHandler({
      probot: deps.probot,
      store: deps.store,
      parser: deps.javaParser,
    });
    for (const type of FEEDBACK_JOB_TYPES) handlers[type] = feedback;
  }
  // Every job under its type's budget (the feedback types share one).
  const budgetOf = (type: string) =>
    type === REVIEW_JOB
      ? deps.budgets.review
      : type === COMMAND_JOB
        ? deps.budgets.command
        : deps.budgets.feedback;
  return Object.fromEntries(
    Object.entries(handlers).map(([type, handler]) => [
      type,
      withJobDeadline(handler, { jobType: type, budget: budgetOf(type), log: deps.log }),
    ]),
  );
}
