import type { PlannedComment } from "../review/types.js";
import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, RepoRef } from "./types.js";

export interface PostedReviewComment {
  planned: PlannedComment;
  commentId: number;
  commentNodeId: string;
}

export interface PostReviewResult {
  posted: PostedReviewComment[];
  refused: { planned: PlannedComment; reason: string }[];
  reviews: number;
}

/**
 * Posts the comments as one review (`event: COMMENT`). A review is all-or-nothing: one comment GitHub
 * will not place refuses the whole review with 422. The comments were checked against the hunks first,
 * so a 422 is rare; when it comes, the set is halved until each refused comment stands alone, and the
 * rest are posted, so nothing valid is lost (at the price of a few reviews instead of one).
 */
export async function postReview(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  body: string;
  comments: PlannedComment[];
}): Promise<PostReviewResult> {
  const result: PostReviewResult = { posted: [], refused: [], reviews: 0 };
  await postPart(params, params.comments, result);
  return result;
}

async function postPart(
  p: Parameters<typeof postReview>[0],
  comments: PlannedComment[],
  result: PostReviewResult,
): Promise<void> {
  if (comments.length === 0) return;
  let reviewId: number;
  try {
    const { data } = await p.octokit.rest.pulls.createReview({
      ...p.repo,
      pull_number: p.pullNumber,
      commit_id: p.headSha,
      event: "COMMENT",
      body: p.body,
      comments: comments.map(({ placement, body }) => ({
        path: placement.path,
        line: placement.line,
        side: "RIGHT" as const,
        ...(placement.startLine !== undefined
          ? { start_line: placement.startLine, start_side: "RIGHT" as const }
          : {}),
        body,
      })),
    });
    reviewId = data.id;
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw toRetryableError(error, "posting the review");
    if (comments.length === 1) {
      result.refused.push({ planned: comments[0] as PlannedComment, reason: describe422(error) });
      return;
    }
    const half = Math.ceil(comments.length / 2);
    await postPart(p, comments.slice(0, half), result);
    await postPart(p, comments.slice(half), result);
    return;
  }
  result.reviews++;
  result.posted.push(...(await matchPostedComments(p, reviewId, comments)));
}

async function matchPostedComments(
  p: Parameters<typeof postReview>[0],
  reviewId: number,
  comments: PlannedComment[],
): Promise<PostedReviewComment[]> {
  let listed: { id: number; node_id: string; body: string }[];
  try {
    listed = await p.octokit.paginate(p.octokit.rest.pulls.listCommentsForReview, {
      ...p.repo,
      pull_number: p.pullNumber,
      review_id: reviewId,
      per_page: 100,
    });
  } catch (error) {
    // The review is posted; its markers let the next run recognise the comments even if the store misses them.
    throw toRetryableError(error, "reading back the posted review");
  }
  const byBody = new Map(listed.map((c) => [c.body, c]));
  return comments.flatMap((planned) => {
    const c = byBody.get(planned.body);
    return c ? [{ planned, commentId: c.id, commentNodeId: c.node_id }] : [];
  });
}

function describe422(error: unknown): string {
  const data = (error as { response?: { data?: { errors?: unknown[]; message?: string } } }).response?.data;
  const first = data?.errors?.[0];
  const detail = typeof first === "string" ? first : (first as { message?: string } | undefined)?.message;
  return `GitHub refused the comment (422${detail || data?.message ? `: ${detail ?? data?.message}` : ""})`;
}
