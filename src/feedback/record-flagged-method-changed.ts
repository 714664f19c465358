import { collapseWhitespace } from "../java/method-key.js";
import type { PostedComment, Store } from "../store/types.js";
import type { FlaggedMethodText } from "./load-flagged-method.js";

export interface FlaggedMethodChange {
  store: Pick<Store, "addFeedback">;
  /** The bot's comment on the method (from Store.listComments / findCommentById). */
  comment: PostedComment;
  /** The method as the bot flagged it (base side of the later push). */
  before: FlaggedMethodText;
  /** The method's text after the push. */
  afterCode: string;
  /** The suggestion the bot offered for it, if any. */
  suggestion?: string | null;
  now: () => Date;
}

/**
 * For the review pipeline: a method the bot flagged was changed by a later push. The flagged text is recorded
 * as incorrect (label 0); when the new text is the bot's suggestion ("suggestion committed"), the suggestion
 * is also recorded as correct (label 1), since a person chose to commit it. Returns the signal.
 */
export async function recordFlaggedMethodChanged(c: FlaggedMethodChange): Promise<string> {
  const committed =
    typeof c.suggestion === "string" && collapseWhitespace(c.suggestion) === collapseWhitespace(c.afterCode);
  const signal = committed ? "suggestion-committed" : "changed-after-flag";
  const base = {
    repo: c.comment.repo,
    pullNumber: c.comment.pullNumber,
    methodKey: c.comment.methodKey,
    signal,
    description: c.before.description,
    signature: c.before.signature,
    createdAt: c.now().toISOString(),
  };
  await c.store.addFeedback({ ...base, label: 0, code: c.before.code, score: c.comment.score });
  if (committed) await c.store.addFeedback({ ...base, label: 1, code: c.afterCode, score: null });
  return signal;
}
