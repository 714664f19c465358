import { CHECK_NAME } from "../github/check-run-writer.js";
import { COMMAND_JOB, type CommandJobPayload } from "../review/command-job-payload.js";
import { parseCommand } from "../slash-commands/parse-command.js";
import { type BuiltJob, pullRequestOfCheckRun } from "./build-review-job.js";

interface Sender {
  login: string;
  type?: string;
}

interface Base {
  installation?: { id: number } | null | undefined;
  repository: { name: string; owner: { login: string } };
  sender: Sender;
}

export interface IssueCommentEvent extends Base {
  issue: { number: number; state?: string; pull_request?: unknown };
  comment: { id: number; body: string; user?: Sender | null; performed_via_github_app?: unknown };
}

export interface ReviewCommentEvent extends Base {
  pull_request: { number: number; state?: string };
  comment: {
    id: number;
    body: string;
    user?: Sender | null;
    in_reply_to_id?: number | undefined;
    path: string;
    line?: number | null;
    original_line?: number | null;
  };
}

export interface CheckRunActionEvent extends Base {
  requested_action?: { identifier?: string } | null;
  check_run: { name: string; head_sha: string; pull_requests: { number: number; head: { sha: string } }[] };
}

export type BuiltCommandJob = BuiltJob;

/** The identifier of the check run's "Suggest fixes" button (check-run-writer.ts). */
export const SUGGEST_ACTION = "suggest";

/**
 * A comment -> a command job, from the payload alone: no GitHub call before the ack. Bots (the app
 * itself included) are ignored so two bots cannot talk to each other forever.
 */
export function buildCommandJobFromComment(
  deliveryId: string,
  e: IssueCommentEvent | ReviewCommentEvent,
): BuiltCommandJob {
  const isIssue = "issue" in e;
  if (isIssue && !e.issue.pull_request) return { skip: "a comment on an issue, not a pull request" };
  const sender = e.comment.user ?? e.sender;
  if (sender.type === "Bot" || e.sender.type === "Bot" || /\[bot\]$/.test(sender.login)) {
    return { skip: `comment by a bot (${sender.login})` };
  }
  const command = parseCommand(e.comment.body);
  if (!command) return { skip: "not a /judge command" };
  if (!e.installation) return { skip: "no installation in the payload" };
  const state = isIssue ? e.issue.state : e.pull_request.state;
  if (state !== undefined && state !== "open") return { skip: `pull request is ${state}` };
  const review = isIssue ? null : e.comment;
  return withPayload(deliveryId, {
    installationId: e.installation.id,
    owner: e.repository.owner.login,
    repo: e.repository.name,
    pullNumber: isIssue ? e.issue.number : e.pull_request.number,
    commandLine: e.comment.body.split(/\r?\n/, 1)[0]?.trim() ?? "",
    source: isIssue ? "issue_comment" : "review_comment",
    sender: sender.login,
    commentId: e.comment.id,
    threadRootId: review ? (review.in_reply_to_id ?? review.id) : null,
    path: review?.path ?? null,
    line: review ? (review.line ?? review.original_line ?? null) : null,
  });
}

/** The check run's "Suggest fixes" button -> `/judge regenerate` for every flagged method. */
export function buildCommandJobFromCheckRun(deliveryId: string, e: CheckRunActionEvent): BuiltCommandJob {
  if (e.requested_action?.identifier !== SUGGEST_ACTION) return { skip: "not the Suggest fixes button" };
  if (e.check_run.name !== CHECK_NAME) return { skip: `check run ${e.check_run.name} is not ours` };
  if (!e.installation) return { skip: "no installation in the payload" };
  const run = e.check_run;
  const pr = pullRequestOfCheckRun(run);
  if (!pr) return { skip: "the check run belongs to no pull request of this repository" };
  return withPayload(deliveryId, {
    installationId: e.installation.id,
    owner: e.repository.owner.login,
    repo: e.repository.name,
    pullNumber: pr.number,
    commandLine: "/judge regenerate",
    source: "check_run",
    sender: e.sender.login,
    commentId: null,
    threadRootId: null,
    path: null,
    line: null,
  });
}

function withPayload(deliveryId: string, payload: CommandJobPayload): BuiltCommandJob {
  return { job: { type: COMMAND_JOB, deliveryId, payload: payload as unknown as Record<string, unknown> } };
}
