import type { GitHubClient } from "../github/types.js";
import type { JavaParser } from "../java/load-java-parser.js";
import type { Store } from "../store/types.js";
import type { ThreadFeedbackPayload } from "./feedback-job-payload.js";
import { loadFlaggedMethod } from "./load-flagged-method.js";

export interface FeedbackWorkDeps {
  octokit: GitHubClient;
  store: Store;
  parser: JavaParser;
  now: () => Date;
}

/**
 * A person resolved the bot's thread. On lines still as the bot saw them it is a dismissal: the flag was
 * wrong (label 1). On outdated lines the method was changed first, taken as the flag being right (label 0).
 * Returns the signal recorded, or why nothing was.
 */
export async function recordThreadResolved(
  p: ThreadFeedbackPayload,
  deps: FeedbackWorkDeps,
): Promise<string> {
  const repo = `${p.owner}/${p.repo}`;
  const stored = await deps.store.findCommentById(repo, p.commentId);
  const methodKey = stored?.methodKey ?? p.methodKey;
  const method = await loadFlaggedMethod({
    octokit: deps.octokit,
    repo: { owner: p.owner, repo: p.repo },
    path: stored?.path ?? p.path,
    ref: stored?.headSha ?? p.commitSha,
    methodKey,
    ...(stored ? { hash: stored.bodyHash } : p.bodyHash ? { hash: p.bodyHash } : {}),
    parser: deps.parser,
  });
  if (!method) return `skipped: ${methodKey} not found at ${(stored?.headSha ?? p.commitSha).slice(0, 7)}`;
  const signal = p.outdated ? "thread-resolved-after-change" : "thread-resolved";
  await deps.store.addFeedback({
    repo,
    pullNumber: p.pullNumber,
    methodKey,
    signal,
    label: p.outdated ? 0 : 1,
    ...method,
    score: stored?.score ?? null,
    createdAt: deps.now().toISOString(),
  });
  return signal;
}
