import type { Probot } from "probot";
import type { GitHubClient } from "../github/types.js";
import type { JobHandler } from "../queue/types.js";
import { parseReviewJobPayload } from "../review/review-job-payload.js";
import { type ReviewJobDeps, type ReviewJobResult, runReviewJob } from "../review/run-review-job.js";

export interface ReviewJobHandlerDeps extends Omit<ReviewJobDeps, "octokit"> {
  /** Probot's app: `auth(installationId)` gives the job an installation token (the webhook's context is gone). */
  probot: Pick<Probot, "auth">;
  onDone?: (result: ReviewJobResult) => void;
}

/** The queue's handler for `review` jobs: an installation client, then the pipeline. */
export function createReviewJobHandler(deps: ReviewJobHandlerDeps): JobHandler {
  return async (ctx) => {
    const payload = parseReviewJobPayload(ctx.job.payload);
    const octokit = (await deps.probot.auth(payload.installationId)) as unknown as GitHubClient;
    const result = await runReviewJob(
      payload,
      {
        attempt: ctx.job.attempt,
        lastAttempt: ctx.lastAttempt === true,
        isSuperseded: async () => ctx.signal.aborted || (await ctx.isSuperseded()),
        ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
      },
      { ...deps, octokit },
    );
    deps.onDone?.(result);
  };
}
