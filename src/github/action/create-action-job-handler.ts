import type { Probot } from "probot";
import { describeError } from "../../errors.js";
import { loadJavaParser } from "../../java/load-java-parser.js";
import type { JobHandler, Queue } from "../../queue/types.js";
import type { JudgeLoader } from "../../review/create-judge-loader.js";
import { REVIEW_JOB } from "../../review/review-job-payload.js";
import type { ReviewJobResult } from "../../review/run-review-job.js";
import type { Store } from "../../store/types.js";
import { COMMAND_JOB } from "../commands/command-job-payload.js";
import { createCommandJobHandler } from "../commands/create-command-job-handler.js";
import type { CommandJobResult } from "../commands/run-command-job.js";
import { createJobRouter } from "../create-job-router.js";
import { createReviewJobHandler } from "../create-review-job-handler.js";
import type { GeneratorLoader } from "./create-generator-loader.js";

export interface ActionJobHandlerDeps {
  /** The Action-mode auth (createActionAuth): the job's token for every job. */
  probot: Pick<Probot, "auth">;
  store: Store;
  /** Where `/judge review` puts the review job it makes: the same inline queue, so it runs in this job. */
  queue: Pick<Queue, "enqueue">;
  judge: JudgeLoader;
  generator: GeneratorLoader;
  log: { info(message: string): void; warn(message: string): void };
  onReviewed: (result: ReviewJobResult) => void;
  onCommand: (result: CommandJobResult) => void;
  onJudgeError: (message: string) => void;
}

export interface ActionJobHandler {
  handler: JobHandler;
  /** The job types Action mode runs; others (feedback polls need a store that outlives the job) are skipped. */
  runs(type: string): boolean;
}

/** The app's job handlers, the same ones `serve` runs, wired for one Actions job. */
export async function createActionJobHandler(deps: ActionJobHandlerDeps): Promise<ActionJobHandler> {
  const javaParser = await loadJavaParser();
  const clock = { now: () => new Date() };
  const getJudge = () =>
    deps.judge.get().catch((error: unknown) => {
      deps.onJudgeError(describeError(error));
      throw error;
    });
  const handlers: Record<string, JobHandler> = {
    [REVIEW_JOB]: createReviewJobHandler({
      probot: deps.probot,
      getJudge,
      store: deps.store,
      javaParser,
      clock,
      log: deps.log,
      onDone: deps.onReviewed,
    }),
    [COMMAND_JOB]: createCommandJobHandler({
      probot: deps.probot,
      store: deps.store,
      queue: deps.queue,
      getGenerator: () => deps.generator.get(),
      getJudge,
      javaParser,
      clock,
      log: deps.log,
      onDone: deps.onCommand,
    }),
  };
  return { handler: createJobRouter(handlers), runs: (type) => handlers[type] !== undefined };
}
