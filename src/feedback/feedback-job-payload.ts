import { FatalJobError } from "../queue/types.js";

/** A human resolved a thread of one of the bot's comments. */
export const FEEDBACK_THREAD_JOB = "feedback-thread";
/** Read the 👍 / 👎 on the bot's comments of a PR (GitHub sends no webhook for reactions). */
export const FEEDBACK_POLL_JOB = "feedback-poll";

export interface ThreadFeedbackPayload {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  commentId: number;
  /** From the comment's marker, for a comment the store does not know. */
  methodKey: string;
  /** The marker's hash: which method an older marker's key meant where several share it (see findMethodsByKey). */
  bodyHash?: string;
  path: string;
  /** The commit the comment was made on: the method text is read there. */
  commitSha: string;
  /** GitHub gives an outdated comment `line: null`: the lines it was on changed since. */
  outdated: boolean;
}

export interface PollFeedbackPayload {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
}

export function parseThreadFeedbackPayload(p: Record<string, unknown>): ThreadFeedbackPayload {
  const numbers = ["installationId", "pullNumber", "commentId"] as const;
  const strings = ["owner", "repo", "methodKey", "path", "commitSha"] as const;
  for (const k of numbers)
    if (typeof p[k] !== "number") throw new FatalJobError(`feedback job: ${k} is not a number`);
  for (const k of strings)
    if (typeof p[k] !== "string") throw new FatalJobError(`feedback job: ${k} is not a string`);
  return { ...(p as unknown as ThreadFeedbackPayload), outdated: p.outdated === true };
}

export function parsePollFeedbackPayload(p: Record<string, unknown>): PollFeedbackPayload {
  for (const k of ["installationId", "pullNumber"]) {
    if (typeof p[k] !== "number") throw new FatalJobError(`feedback poll job: ${k} is not a number`);
  }
  for (const k of ["owner", "repo"]) {
    if (typeof p[k] !== "string") throw new FatalJobError(`feedback poll job: ${k} is not a string`);
  }
  return p as unknown as PollFeedbackPayload;
}
