import {
  FEEDBACK_POLL_JOB,
  FEEDBACK_THREAD_JOB,
  type PollFeedbackPayload,
  type ThreadFeedbackPayload,
} from "../feedback/feedback-job-payload.js";
import { parseMarker } from "../github/render-marker.js";
import type { BuiltJob } from "./build-review-job.js";

interface ThreadComment {
  id: number;
  body: string;
  path: string;
  line?: number | null;
  commit_id: string;
  original_commit_id: string;
  user: { type?: string | undefined } | null;
}

interface ThreadResolvedEvent {
  installation?: { id: number } | null | undefined;
  repository: { name: string; owner: { login: string } };
  pull_request: { number: number };
  sender?: { type?: string | undefined; login: string } | undefined;
  thread: { comments: ThreadComment[] };
}

interface PullRequestEvent {
  installation?: { id: number } | null | undefined;
  repository: { name: string; owner: { login: string } };
  pull_request: { number: number };
}

/** `pull_request_review_thread.resolved` -> a job, when a person resolved a thread the bot started. */
export function buildThreadFeedbackJob(deliveryId: string, e: ThreadResolvedEvent): BuiltJob {
  if (!e.installation) return { skip: "no installation in the payload" };
  // The app resolves its own threads when a method passes; only a person's verdict is feedback.
  if (!e.sender || e.sender.type === "Bot")
    return { skip: `resolved by a bot (${e.sender?.login ?? "unknown"})` };
  const first = e.thread.comments[0];
  const marker = first && first.user?.type === "Bot" ? parseMarker(first.body) : null;
  if (!first || !marker) return { skip: "the thread was not started by java-judge" };
  const payload: ThreadFeedbackPayload = {
    installationId: e.installation.id,
    owner: e.repository.owner.login,
    repo: e.repository.name,
    pullNumber: e.pull_request.number,
    commentId: first.id,
    methodKey: marker.methodKey,
    bodyHash: marker.bodyHash,
    path: first.path,
    commitSha: first.original_commit_id,
    outdated: first.line === null || first.line === undefined,
  };
  return {
    job: { type: FEEDBACK_THREAD_JOB, deliveryId: `${deliveryId}:feedback`, payload: { ...payload } },
  };
}

/** A PR event -> a job that reads the reactions on the bot's comments so far. */
export function buildPollFeedbackJob(deliveryId: string, e: PullRequestEvent): BuiltJob {
  if (!e.installation) return { skip: "no installation in the payload" };
  const payload: PollFeedbackPayload = {
    installationId: e.installation.id,
    owner: e.repository.owner.login,
    repo: e.repository.name,
    pullNumber: e.pull_request.number,
  };
  // One poll per PR at a time is enough: a newer one supersedes an older one still queued.
  const supersedeKey = `${payload.owner}/${payload.repo}#${payload.pullNumber}:feedback-poll`;
  return {
    job: {
      type: FEEDBACK_POLL_JOB,
      deliveryId: `${deliveryId}:feedback-poll`,
      supersedeKey,
      payload: { ...payload },
    },
  };
}
