import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, RepoRef } from "./types.js";

export interface PullFile {
  path: string;
  /** Path in the base version (differs for renames). */
  basePath: string;
  status: string;
  /** Absent for binary files and very large diffs. */
  patch: string | undefined;
}

/** The PR's changed files, paginated; GitHub lists at most 3000 files per pull request. */
export async function listPullFiles(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<PullFile[]> {
  try {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    return files.map((f) => ({
      path: f.filename,
      basePath: f.previous_filename ?? f.filename,
      status: f.status,
      patch: f.patch,
    }));
  } catch (error) {
    throw toRetryableError(error, "listing the pull request's files");
  }
}
