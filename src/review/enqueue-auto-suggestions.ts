import type { RepoConfig } from "../config/repo-config-schema.js";
import type { Queue } from "../queue/types.js";
import { COMMAND_JOB, type CommandJobPayload } from "./command-job-payload.js";
import { MAX_METHODS_PER_COMMAND } from "./regenerate.js";
import type { ReviewJobPayload } from "./review-job-payload.js";
import type { MethodOutcome } from "./types.js";

/**
 * `suggestions.mode: auto`: one regeneration job per method that got a NEW comment in this review, so a
 * method still flagged but unchanged on the next push gets no second suggestion. The delivery id names the
 * method's version (key + hash): a retried review job enqueues nothing twice.
 */
export async function enqueueAutoSuggestions(params: {
  queue: Pick<Queue, "enqueue">;
  job: ReviewJobPayload;
  config: RepoConfig;
  newlyFlagged: MethodOutcome[];
}): Promise<number> {
  const { queue, job, config } = params;
  if (config.suggestions.mode !== "auto") return 0;
  const todo = params.newlyFlagged.slice(0, MAX_METHODS_PER_COMMAND);
  for (const method of todo) {
    const payload: CommandJobPayload = {
      installationId: job.installationId,
      owner: job.owner,
      repo: job.repo,
      pullNumber: job.pullNumber,
      commandLine: `/judge regenerate ${method.path}:${method.startLine}`,
      source: "auto",
      sender: "java-judge",
      commentId: null,
      threadRootId: null,
      path: method.path,
      line: method.startLine,
    };
    await queue.enqueue({
      type: COMMAND_JOB,
      deliveryId: `auto:${job.owner}/${job.repo}#${job.pullNumber}:${method.key}:${method.hash}`,
      payload: payload as unknown as Record<string, unknown>,
    });
  }
  return todo.length;
}
