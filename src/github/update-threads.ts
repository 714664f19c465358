import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, RepoRef } from "./types.js";

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number | null }[] } }[];
      };
    } | null;
  } | null;
}

/** Review thread node ids by the REST id of the thread's first comment (REST has no thread ids). */
export async function listThreadIds(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<Map<number, { threadId: string; isResolved: boolean }>> {
  const out = new Map<number, { threadId: string; isResolved: boolean }>();
  let cursor: string | null = null;
  try {
    do {
      const page: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, {
        ...repo,
        number: pullNumber,
        cursor,
      });
      const threads = page.repository?.pullRequest?.reviewThreads;
      for (const t of threads?.nodes ?? []) {
        const first = t.comments.nodes[0]?.databaseId;
        if (first) out.set(first, { threadId: t.id, isResolved: t.isResolved });
      }
      cursor = threads?.pageInfo.hasNextPage ? threads.pageInfo.endCursor : null;
    } while (cursor);
  } catch (error) {
    throw toRetryableError(error, "listing review threads");
  }
  return out;
}

export async function resolveThread(octokit: GitHubClient, threadId: string): Promise<void> {
  try {
    await octokit.graphql(
      "mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id isResolved } } }",
      { id: threadId },
    );
  } catch (error) {
    throw toRetryableError(error, "resolving a review thread");
  }
}

export async function minimizeOutdated(octokit: GitHubClient, commentNodeId: string): Promise<void> {
  try {
    await octokit.graphql(
      "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }",
      { id: commentNodeId },
    );
  } catch (error) {
    throw toRetryableError(error, "minimizing an outdated comment");
  }
}
