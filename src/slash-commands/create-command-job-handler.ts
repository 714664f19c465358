import type { Probot } from "probot";
import type { GitHubClient } from "../github/types.js";
import type { JobHandler } from "../queue/types.js";
import { parseCommandJobPayload } from "../review/command-job-payload.js";
import { type CommandJobDeps, type CommandJobResult, runCommandJob } from "./run-command-job.js";

export interface CommandJobHandlerDeps extends Omit<CommandJobDeps, "octokit"> {
  /** `auth(installationId)` gives the job an installation token (the webhook's context is gone). */
  probot: Pick<Probot, "auth">;
  onDone?: (result: CommandJobResult) => void;
}

/** The queue's handler for `command` jobs (register it under COMMAND_JOB in the job router). */
export function createCommandJobHandler(deps: CommandJobHandlerDeps): JobHandler {
  return async (ctx) => {
    const payload = parseCommandJobPayload(ctx.job.payload);
    const octokit = (await deps.probot.auth(payload.installationId)) as unknown as GitHubClient;
    const result = await runCommandJob(
      payload,
      {
        deliveryId: ctx.job.deliveryId,
        attempt: ctx.job.attempt,
        signal: ctx.deadline ? AbortSignal.any([ctx.signal, ctx.deadline.signal]) : ctx.signal,
        ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
      },
      { ...deps, octokit },
    );
    deps.onDone?.(result);
  };
}
