import type { RepoConfig } from "../config/repo-config-schema.js";
import type { ParsedPatch } from "../diff/types.js";
import { listBotComments } from "../github/list-bot-comments.js";
import { postReview } from "../github/post-review.js";
import type { GitHubClient, RepoRef } from "../github/types.js";
import { listThreadIds, minimizeOutdated, resolveThread } from "../github/update-threads.js";
import type { Store } from "../store/types.js";
import { mergeExistingComments } from "./merge-existing-comments.js";
import { planCommentActions } from "./plan-comment-actions.js";
import { planReviewComments } from "./plan-review-comments.js";
import { renderAnnotation } from "./render-annotations.js";
import type { MethodOutcome, PlannedAnnotation } from "./types.js";

export interface PublishResult {
  inlineComments: number;
  /** The methods that got a new line comment in this review (new findings, or changed and still flagged). */
  newlyFlagged: MethodOutcome[];
  annotations: PlannedAnnotation[];
  refused: { path: string; line: number; reason: string }[];
  resolved: number;
  minimized: number;
}

export interface PublishParams {
  octokit: GitHubClient;
  store: Store;
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  outcomes: MethodOutcome[];
  patches: Map<string, ParsedPatch>;
  config: RepoConfig;
  now: () => Date;
}

/** Steps 7 and 9: the cross-push plan, one review, threads resolved or minimized, the store updated. */
export async function publishReview(p: PublishParams): Promise<PublishResult> {
  const { octokit, store, repo } = p;
  const repoName = `${repo.owner}/${repo.repo}`;
  const stored = await store.listComments(repoName, p.pullNumber);
  const existing = mergeExistingComments(stored, await listBotComments(octokit, repo, p.pullNumber));
  const actions = planCommentActions(p.outcomes, existing);
  const findings = p.outcomes.filter((o) => o.result.kind === "scored" && o.result.flagged);
  const plan = planReviewComments({ toPost: actions.post, findings, patches: p.patches, config: p.config });

  const flagged = findings.length;
  const posted = await postReview({
    octokit,
    repo,
    pullNumber: p.pullNumber,
    headSha: p.headSha,
    body: `**java-judge** doubts ${flagged} changed ${flagged === 1 ? "method" : "methods"}; the \`java-judge\` check run lists every changed method with its score.`,
    comments: plan.inline,
  });
  for (const c of posted.posted) {
    const o = c.planned.outcome;
    await store.upsertComment({
      repo: repoName,
      pullNumber: p.pullNumber,
      methodKey: o.key,
      bodyHash: o.hash,
      commentId: c.commentId,
      commentNodeId: c.commentNodeId,
      threadNodeId: null,
      path: o.path,
      line: c.planned.placement.line,
      score: o.result.kind === "scored" ? o.result.score : 0,
      state: "open",
      headSha: p.headSha,
      createdAt: p.now().toISOString(),
    });
  }

  let resolved = 0;
  if (actions.resolve.length > 0) {
    const threads = await listThreadIds(octokit, repo, p.pullNumber);
    for (const c of actions.resolve) {
      const thread = threads.get(c.commentId);
      if (thread && !thread.isResolved) {
        await resolveThread(octokit, thread.threadId);
        resolved++;
      }
      await store.setCommentState(repoName, p.pullNumber, c.methodKey, c.commentId, "resolved");
    }
  }
  for (const c of actions.minimize) {
    await minimizeOutdated(octokit, c.commentNodeId);
    await store.setCommentState(repoName, p.pullNumber, c.methodKey, c.commentId, "outdated");
  }

  const refusedAnnotations = posted.refused.map((r) =>
    renderAnnotation(r.planned.outcome, p.config.threshold, p.config.explain.min_delta),
  );
  return {
    inlineComments: posted.posted.length,
    newlyFlagged: posted.posted.map((c) => c.planned.outcome),
    annotations: [...plan.annotations, ...refusedAnnotations],
    refused: posted.refused.map((r) => ({
      path: r.planned.placement.path,
      line: r.planned.placement.line,
      reason: r.reason,
    })),
    resolved,
    minimized: actions.minimize.length,
  };
}
