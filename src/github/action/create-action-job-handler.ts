import type { Probot } from "probot";
import { describeError } from "../../errors.js";
import { loadJavaParser } from "../../java/load-java-parser.js";
import type { JobHandler } from "../../queue/types.js";
import type { JudgeLoader } from "../../review/create-judge-loader.js";
import type { ReviewJobResult } from "../../review/run-review-job.js";
import type { Store } from "../../store/types.js";
import { createJobRouter } from "../create-job-router.js";
import { createReviewJobHandler } from "../create-review-job-handler.js";

export interface ActionJobHandlerDeps {
  /** The Action-mode auth (createActionAuth): the job's token for every job. */
  probot: Pick<Probot, "auth">;
  store: Store;
  judge: JudgeLoader;
  log: { info(message: string): void; warn(message: string): void };
  onReviewed: (result: ReviewJobResult) => void;
  onJudgeError: (message: string) => void;
}

/**
 * The app's job handlers, the same ones `serve` runs, wired for one Actions job. Job types Action mode
 * does not run (feedback polls need a store that outlives the job) are passed over with a line in the log
 * rather than failing the step.
 */
export async function createActionJobHandler(deps: ActionJobHandlerDeps): Promise<JobHandler> {
  const javaParser = await loadJavaParser();
  const handlers: Record<string, JobHandler> = {
    review: createReviewJobHandler({
      probot: deps.probot,
      getJudge: () =>
        deps.judge.get().catch((error: unknown) => {
          deps.onJudgeError(describeError(error));
          throw error;
        }),
      store: deps.store,
      javaParser,
      clock: { now: () => new Date() },
      log: deps.log,
      onDone: deps.onReviewed,
    }),
  };
  const router = createJobRouter(handlers);
  return async (ctx) => {
    if (handlers[ctx.job.type] === undefined) {
      deps.log.info(`${ctx.job.type} job: not run in Action mode`);
      return;
    }
    await router(ctx);
  };
}
