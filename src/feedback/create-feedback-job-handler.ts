import type { Probot } from "probot";
import type { GitHubClient } from "../github/types.js";
import type { JavaParser } from "../java/load-java-parser.js";
import { FatalJobError, type JobHandler } from "../queue/types.js";
import type { Store } from "../store/types.js";
import {
  FEEDBACK_POLL_JOB,
  FEEDBACK_THREAD_JOB,
  parsePollFeedbackPayload,
  parseThreadFeedbackPayload,
} from "./feedback-job-payload.js";
import { pollReactionFeedback } from "./poll-reaction-feedback.js";
import { recordThreadResolved } from "./record-thread-resolved.js";

export interface FeedbackJobHandlerDeps {
  probot: Pick<Probot, "auth">;
  store: Store;
  parser: JavaParser;
  now?: () => Date;
  /** What each job recorded (logs, tests). */
  onDone?: (type: string, recorded: string[]) => void;
}

/** The queue's handler for the `feedback-thread` and `feedback-poll` jobs (route both types to it). */
export function createFeedbackJobHandler(deps: FeedbackJobHandlerDeps): JobHandler {
  const now = deps.now ?? (() => new Date());
  return async (ctx) => {
    const { type, payload } = ctx.job;
    if (type !== FEEDBACK_THREAD_JOB && type !== FEEDBACK_POLL_JOB) {
      throw new FatalJobError(`feedback handler got a "${type}" job`);
    }
    const installationId = (payload as { installationId?: unknown }).installationId;
    if (typeof installationId !== "number")
      throw new FatalJobError(`${type} job: installationId is not a number`);
    const octokit = (await deps.probot.auth(installationId)) as unknown as GitHubClient;
    const work = { octokit, store: deps.store, parser: deps.parser, now };
    const recorded =
      type === FEEDBACK_THREAD_JOB
        ? [await recordThreadResolved(parseThreadFeedbackPayload(payload), work)]
        : await pollReactionFeedback(parsePollFeedbackPayload(payload), work);
    deps.onDone?.(type, recorded);
  };
}

export const FEEDBACK_JOB_TYPES = [FEEDBACK_THREAD_JOB, FEEDBACK_POLL_JOB] as const;
