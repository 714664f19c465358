import type { Probot } from "probot";
import type { GitHubClient } from "../github/types.js";
import type { JobHandler } from "../queue/types.js";
import { parseReviewJobPayload } from "../review/review-job-payload.js";
import {
  type ReviewJobDeps,
  type ReviewJobResult,
  type ReviewTurns,
  runReviewJob,
} from "../review/run-review-job.js";

export interface ReviewJobHandlerDeps extends Omit<ReviewJobDeps, "octokit"> {
  /** Probot's app: `auth(installationId)` gives the job an installation token (the webhook's context is gone). */
  probot: Pick<Probot, "auth">;
  onDone?: (result: ReviewJobResult) => void;
  /** Methods judged per turn before a review gives its worker up to waiting ones (default REVIEW_SLICE_METHODS). */
  sliceMethods?: number;
}

/** Methods a review judges per turn while other reviews wait: see BENCHMARKS.md ("Fair under load"). */
export const REVIEW_SLICE_METHODS = 4;

/** The queue's handler for `review` jobs: an installation client, then the pipeline. */
export function createReviewJobHandler(deps: ReviewJobHandlerDeps): JobHandler {
  return async (ctx) => {
    const payload = parseReviewJobPayload(ctx.job.payload);
    const octokit = (await deps.probot.auth(payload.installationId)) as unknown as GitHubClient;
    const t = ctx.turns;
    const checkRunId = t?.previous?.state.checkRunId;
    const turns: ReviewTurns | undefined = t && {
      sliceMethods: deps.sliceMethods ?? REVIEW_SLICE_METHODS,
      checkRunId: typeof checkRunId === "number" ? checkRunId : undefined,
      othersWaiting: () => t.othersWaiting(),
      yield: (state) => t.yield(state),
    };
    const result = await runReviewJob(
      payload,
      {
        attempt: ctx.job.attempt,
        lastAttempt: ctx.lastAttempt === true,
        isSuperseded: async () => ctx.signal.aborted || (await ctx.isSuperseded()),
        ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
        ...(turns ? { turns } : {}),
      },
      { ...deps, octokit },
    );
    deps.onDone?.(result);
  };
}
