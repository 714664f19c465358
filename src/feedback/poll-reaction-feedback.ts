import { toRetryableError } from "../github/to-retryable-error.js";
import { findReviewReaction } from "../store/review-reactions.js";
import type { PostedComment } from "../store/types.js";
import type { PollFeedbackPayload } from "./feedback-job-payload.js";
import { loadFlaggedMethod } from "./load-flagged-method.js";
import type { FeedbackWorkDeps } from "./record-thread-resolved.js";

/**
 * Reads the reactions people left on the bot's comments of one PR and records each new (comment, 👍|👎) once,
 * however many people gave it; polled because GitHub sends no webhook for reactions. Returns the signals added.
 */
export async function pollReactionFeedback(
  p: PollFeedbackPayload,
  deps: FeedbackWorkDeps,
): Promise<string[]> {
  const repo = `${p.owner}/${p.repo}`;
  const comments = await deps.store.listComments(repo, p.pullNumber);
  if (comments.length === 0) return [];
  const known = new Set(
    (await deps.store.listFeedback())
      .filter((f) => f.repo === repo && f.pullNumber === p.pullNumber)
      .map((f) => `${f.methodKey}\n${f.signal}`),
  );
  const added: string[] = [];
  for (const comment of comments) {
    const fresh = (await listHumanReactions(p, comment, deps)).filter(
      (s) => !known.has(`${comment.methodKey}\n${s}`),
    );
    if (fresh.length === 0) continue;
    const method = await loadFlaggedMethod({
      octokit: deps.octokit,
      repo: { owner: p.owner, repo: p.repo },
      path: comment.path,
      ref: comment.headSha,
      methodKey: comment.methodKey,
      parser: deps.parser,
    });
    if (!method) continue;
    for (const signal of fresh) {
      // What a reaction means (👍: the flag is right, label 0) is the table the comment's hint is rendered from.
      const reaction = findReviewReaction(signal.slice("reaction:".length));
      if (!reaction) continue;
      await deps.store.addFeedback({
        repo,
        pullNumber: p.pullNumber,
        methodKey: comment.methodKey,
        signal,
        label: reaction.label,
        ...method,
        score: comment.score,
        createdAt: deps.now().toISOString(),
      });
      known.add(`${comment.methodKey}\n${signal}`);
      added.push(`${comment.methodKey} ${signal}`);
    }
  }
  return added;
}

async function listHumanReactions(
  p: PollFeedbackPayload,
  c: PostedComment,
  deps: FeedbackWorkDeps,
): Promise<string[]> {
  const { octokit } = deps;
  let reactions: { content: string; user: { type?: string } | null }[];
  try {
    reactions = await octokit.paginate(octokit.rest.reactions.listForPullRequestReviewComment, {
      owner: p.owner,
      repo: p.repo,
      comment_id: c.commentId,
      per_page: 100,
    });
  } catch (error) {
    // A comment deleted since has no reactions left to read.
    if ((error as { status?: number }).status === 404) return [];
    throw toRetryableError(error, `listing the reactions on comment ${c.commentId}`);
  }
  const signals = new Set<string>();
  for (const r of reactions) {
    if (r.user?.type === "Bot" || !findReviewReaction(r.content)) continue;
    signals.add(`reaction:${r.content}`);
  }
  return [...signals].sort();
}
