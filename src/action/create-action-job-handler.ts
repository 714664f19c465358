import type { Probot } from "probot";
import { createJobHandlers } from "../app/create-job-handlers.js";
import { createJobRouter } from "../app/create-job-router.js";
import type { JobBudgets } from "../config/read-server-env.js";
import { describeError } from "../errors.js";
import type { GeneratorLoader } from "../generator/create-generator-loader.js";
import { loadJavaParser } from "../java/load-java-parser.js";
import type { JobHandler, Queue } from "../queue/types.js";
import type { JudgeLoader } from "../review/create-judge-loader.js";
import type { ReviewJobResult } from "../review/run-review-job.js";
import type { CommandJobResult } from "../slash-commands/run-command-job.js";
import type { Store } from "../store/types.js";

export interface ActionJobHandlerDeps {
  /** The Action-mode auth (createActionAuth): the job's token for every job. */
  probot: Pick<Probot, "auth">;
  store: Store;
  /** Where `/judge review` puts the review job it makes: the same inline queue, so it runs in this job. */
  queue: Pick<Queue, "enqueue">;
  judge: JudgeLoader;
  generator: GeneratorLoader;
  log: { info(message: string): void; warn(message: string): void };
  /** JOB_TIMEOUT_*_S, read as the server reads them. */
  budgets: JobBudgets;
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
  const getJudge = () =>
    deps.judge.get().catch((error: unknown) => {
      deps.onJudgeError(describeError(error));
      throw error;
    });
  const handlers = createJobHandlers({
    probot: deps.probot,
    store: deps.store,
    queue: deps.queue,
    getJudge,
    getGenerator: () => deps.generator.get(),
    javaParser: await loadJavaParser(),
    log: deps.log,
    feedback: false,
    budgets: deps.budgets,
    onReviewed: deps.onReviewed,
    onCommand: deps.onCommand,
  });
  return { handler: createJobRouter(handlers), runs: (type) => handlers[type] !== undefined };
}
