import { examplePayload, PR } from "../support/webhook-payloads.js";

export interface Author {
  login: string;
  type?: "User" | "Bot";
}

/** issue_comment.created from @octokit/webhooks-examples, on our PR (or on a plain issue). */
export function issueCommentPayload(
  body: string,
  author: Author,
  opts: { onIssue?: boolean; commentId?: number } = {},
) {
  const p = examplePayload("issue_comment", "created");
  p.issue.number = PR;
  p.issue.state = "open";
  if (opts.onIssue) delete p.issue.pull_request;
  else p.issue.pull_request = { url: `https://api.github.com/repos/acme/shop/pulls/${PR}` };
  p.comment.id = opts.commentId ?? 501;
  p.comment.body = body;
  p.comment.user = { ...p.comment.user, login: author.login, type: author.type ?? "User" };
  // Not trusted: an OWNER association must not let a reader in.
  p.comment.author_association = "OWNER";
  p.sender = { ...p.sender, login: author.login, type: author.type ?? "User" };
  return p;
}

/** pull_request_review_comment.created: a reply in a thread (inReplyTo) or a new comment on a line. */
export function reviewCommentPayload(
  body: string,
  author: Author,
  at: { path: string; line: number; inReplyTo?: number; commentId?: number },
) {
  const p = examplePayload("pull_request_review_comment", "created");
  p.pull_request.number = PR;
  p.pull_request.state = "open";
  p.comment.id = at.commentId ?? 601;
  p.comment.body = body;
  p.comment.path = at.path;
  p.comment.line = at.line;
  if (at.inReplyTo === undefined) delete p.comment.in_reply_to_id;
  else p.comment.in_reply_to_id = at.inReplyTo;
  p.comment.user = { ...p.comment.user, login: author.login, type: author.type ?? "User" };
  p.sender = { ...p.sender, login: author.login, type: author.type ?? "User" };
  return p;
}
