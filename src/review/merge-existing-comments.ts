import type { PostedComment } from "../store/types.js";
import type { ExistingComment } from "./types.js";

type OnPullRequest = Omit<ExistingComment, "state">;

/**
 * The comments that exist now: those found on the PR (a comment someone deleted no longer counts), with
 * the state the store remembers (resolved, outdated); a found comment the store never heard of is open.
 */
export function mergeExistingComments(stored: PostedComment[], onPr: OnPullRequest[]): ExistingComment[] {
  const stateById = new Map(stored.map((c) => [c.commentId, c.state]));
  return onPr.map((c) => {
    const state = stateById.get(c.commentId);
    return { ...c, state: state === "resolved" || state === "outdated" ? state : "open" };
  });
}
