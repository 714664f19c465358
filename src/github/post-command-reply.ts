import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, ReplyTarget, RepoRef } from "./types.js";

/** Answers in the PR's conversation, or in the review thread the command came from; returns the comment's URL. */
export async function postCommandReply(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  pullNumber: number;
  to: ReplyTarget;
  body: string;
}): Promise<string> {
  const { octokit, repo, pullNumber, to, body } = params;
  try {
    if (to.kind === "thread") {
      const { data } = await octokit.rest.pulls.createReplyForReviewComment({
        ...repo,
        pull_number: pullNumber,
        comment_id: to.commentId,
        body,
      });
      return data.html_url;
    }
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: pullNumber, body });
    return data.html_url;
  } catch (error) {
    throw toRetryableError(error, "replying to the command");
  }
}
