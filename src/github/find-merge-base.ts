import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, RepoRef } from "./types.js";

/**
 * The PR's diff is against the merge base, not the base branch's tip: comparing with the tip would count
 * the base branch's own later edits as changes of the PR.
 */
export async function findMergeBase(
  octokit: GitHubClient,
  repo: RepoRef,
  base: string,
  head: string,
): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 1,
    });
    return data.merge_base_commit.sha;
  } catch (error) {
    throw toRetryableError(error, "finding the merge base");
  }
}
