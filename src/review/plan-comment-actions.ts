import { findMethodsByKey } from "../java/find-methods-by-key.js";
import type { CommentActions, ExistingComment, MethodOutcome } from "./types.js";

/**
 * Decides what this run does across pushes (DESIGN.md, "Talking to GitHub"):
 * - a flagged method that already has a comment for the same text (any state, so a thread a person
 *   resolved is not reopened by a repeat) gets nothing new;
 * - a flagged method whose text changed gets one new comment, its old open comments minimized as OUTDATED;
 * - a method that now passes gets its open threads resolved;
 * - threads a person replied to are left as they are.
 * Skipped methods change nothing: the bot has learned nothing new about them.
 * A comment belongs to the method its marker's key names; a marker written before keys were unique
 * (`<anonymous>`) to the one method it can name (see findMethodsByKey), else to none.
 */
export function planCommentActions(outcomes: MethodOutcome[], existing: ExistingComment[]): CommentActions {
  const scored = outcomes.filter((o) => o.result.kind === "scored");
  const byOutcome = new Map<MethodOutcome, ExistingComment[]>();
  for (const c of existing) {
    for (const o of findMethodsByKey(scored, c.methodKey, c.bodyHash)) {
      byOutcome.set(o, [...(byOutcome.get(o) ?? []), c]);
    }
  }
  const actions: CommentActions = { post: [], resolve: [], minimize: [], unchanged: [] };
  for (const outcome of outcomes) {
    if (outcome.result.kind !== "scored") continue;
    const previous = byOutcome.get(outcome) ?? [];
    const open = previous.filter((c) => c.state === "open" && !c.humanReplied);
    if (!outcome.result.flagged) {
      actions.resolve.push(...open);
    } else if (previous.some((c) => c.bodyHash === outcome.hash)) {
      actions.unchanged.push(outcome);
    } else {
      actions.post.push(outcome);
      actions.minimize.push(...open);
    }
  }
  return actions;
}
