import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, RepoRef, ReviewCommentDraft } from "./types.js";

export interface PostedReviewComment<C extends ReviewCommentDraft = ReviewCommentDraft> {
  planned: C;
  commentId: number;
  commentNodeId: string;
}

export interface PostReviewResult<C extends ReviewCommentDraft = ReviewCommentDraft> {
  posted: PostedReviewComment<C>[];
  refused: { planned: C; reason: string }[];
  /** Reviews made visible on the PR: 1 when anything was posted, else 0. */
  reviews: number;
}

type Params<C extends ReviewCommentDraft = ReviewCommentDraft> = {
  octokit: GitHubClient;
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  body: string;
  comments: C[];
};

/**
 * Posts the comments as ONE review (`event: COMMENT`). A review is all-or-nothing: one comment GitHub
 * will not place refuses the whole review with 422. The comments were checked against the hunks first,
 * so a 422 is rare; when it comes, the offending comments are found by bisecting with PENDING reviews
 * (a review created without `event` is visible to nobody but its author, and is deleted right after), and
 * the rest is then posted as the one review, so the PR never shows a partial or repeated review.
 */
export async function postReview<C extends ReviewCommentDraft>(
  params: Params<C>,
): Promise<PostReviewResult<C>> {
  const result: PostReviewResult<C> = { posted: [], refused: [], reviews: 0 };
  if (params.comments.length === 0) return result;
  let accepted = params.comments;
  let reviewId = await tryCreate(params, accepted, "COMMENT");
  if (typeof reviewId !== "number") {
    await deleteOwnPendingReviews(params);
    accepted = await sieve(params, params.comments, reviewId, result.refused);
    if (accepted.length === 0) return result;
    reviewId = await tryCreate(params, accepted, "COMMENT");
    if (typeof reviewId !== "number") {
      // Accepted as a pending review a moment ago, refused now: report all rather than guess.
      for (const planned of accepted) result.refused.push({ planned, reason: describe422(reviewId) });
      return result;
    }
  }
  result.reviews = 1;
  result.posted.push(...(await matchPostedComments(params, reviewId, accepted)));
  return result;
}

/** A review id, or the 422 error GitHub answered. Any other failure is thrown (retryable). */
async function tryCreate(
  p: Params,
  comments: ReviewCommentDraft[],
  event?: "COMMENT",
): Promise<number | Error> {
  try {
    const { data } = await p.octokit.rest.pulls.createReview({
      ...p.repo,
      pull_number: p.pullNumber,
      commit_id: p.headSha,
      ...(event ? { event, body: p.body } : {}),
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
    return data.id;
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw toRetryableError(error, "posting the review");
    return error as Error;
  }
}

/** The comments of `comments` GitHub accepts; the refused ones (found alone) go to `refused`. */
async function sieve<C extends ReviewCommentDraft>(
  p: Params,
  comments: C[],
  knownRefusal: Error | null,
  refused: PostReviewResult<C>["refused"],
): Promise<C[]> {
  if (comments.length === 0) return [];
  const refusal = knownRefusal ?? (await probe(p, comments));
  if (refusal === null) return comments;
  if (comments.length === 1) {
    refused.push({ planned: comments[0] as C, reason: describe422(refusal) });
    return [];
  }
  const half = Math.ceil(comments.length / 2);
  return [
    ...(await sieve(p, comments.slice(0, half), null, refused)),
    ...(await sieve(p, comments.slice(half), null, refused)),
  ];
}

/** Tries the comments as a pending (invisible) review and deletes it: null when GitHub accepts them. */
async function probe(p: Params, comments: ReviewCommentDraft[]): Promise<Error | null> {
  const id = await tryCreate(p, comments);
  if (typeof id !== "number") return id;
  try {
    await p.octokit.rest.pulls.deletePendingReview({ ...p.repo, pull_number: p.pullNumber, review_id: id });
  } catch (error) {
    throw toRetryableError(error, "deleting a pending review used to find a refused comment");
  }
  return null;
}

/** GitHub allows one pending review per user and PR: one left by a crashed probe would refuse every probe. */
async function deleteOwnPendingReviews(p: Params): Promise<void> {
  try {
    const reviews = await p.octokit.paginate(p.octokit.rest.pulls.listReviews, {
      ...p.repo,
      pull_number: p.pullNumber,
      per_page: 100,
    });
    // Pending reviews are visible only to their author, so every one listed here is ours.
    for (const r of reviews.filter((r) => r.state === "PENDING")) {
      await p.octokit.rest.pulls.deletePendingReview({
        ...p.repo,
        pull_number: p.pullNumber,
        review_id: r.id,
      });
    }
  } catch (error) {
    throw toRetryableError(error, "clearing a pending review");
  }
}

async function matchPostedComments<C extends ReviewCommentDraft>(
  p: Params,
  reviewId: number,
  comments: C[],
): Promise<PostedReviewComment<C>[]> {
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
