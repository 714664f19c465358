/**
 * What a 👍 or 👎 on a flagged method's review comment means, in one place: the comment's hint is rendered from it
 * (src/review/render-comment-body.ts) and the poller records its label (src/feedback/poll-reaction-feedback.ts),
 * so the two cannot drift apart. As on other review bots, 👍 says the comment is right: the method really is
 * wrong. `label` is the feedback record's (1 = the method is correct, 0 = it is incorrect).
 */
export const REVIEW_REACTIONS = [
  { content: "+1", emoji: "👍", label: 0, meaning: "really is wrong (this comment is right)" },
  { content: "-1", emoji: "👎", label: 1, meaning: "is correct (this comment is wrong)" },
] as const;

export type ReviewReaction = (typeof REVIEW_REACTIONS)[number];

/** The reaction GitHub names `content` ("+1", "-1"), or undefined for any other emoji. */
export function findReviewReaction(content: string): ReviewReaction | undefined {
  return REVIEW_REACTIONS.find((r) => r.content === content);
}
