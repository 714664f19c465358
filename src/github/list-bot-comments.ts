import { parseMarker } from "./render-marker.js";
import { toRetryableError } from "./to-retryable-error.js";
import type { FoundComment, GitHubClient, RepoRef } from "./types.js";

/**
 * The app's own review comments on the PR, recognised by their marker, and whether a person replied.
 * This, not only the store, is what makes posting idempotent: a job retried after its review was posted
 * but before the store heard of it finds the markers here and posts nothing twice.
 */
export async function listBotComments(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<FoundComment[]> {
  let comments: Awaited<ReturnType<typeof octokit.rest.pulls.listReviewComments>>["data"];
  try {
    comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      ...repo,
      pull_number: pullNumber,
      per_page: 100,
    });
  } catch (error) {
    throw toRetryableError(error, "listing the pull request's review comments");
  }
  const repliedTo = new Set(
    comments
      .filter((c) => c.in_reply_to_id !== undefined && c.user?.type !== "Bot")
      .map((c) => c.in_reply_to_id),
  );
  const found: FoundComment[] = [];
  for (const c of comments) {
    const marker = c.user?.type === "Bot" ? parseMarker(c.body) : null;
    if (!marker) continue;
    found.push({
      ...marker,
      commentId: c.id,
      commentNodeId: c.node_id,
      path: c.path,
      line: c.line ?? c.original_line ?? 0,
      humanReplied: repliedTo.has(c.id),
    });
  }
  return found;
}
