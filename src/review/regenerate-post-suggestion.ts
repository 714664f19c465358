import { canComment } from "../diff/can-comment.js";
import { commentableRange } from "../diff/commentable-range.js";
import type { ParsedPatch } from "../diff/types.js";
import { renderSuggestion } from "../generator/render-suggestion.js";
import { renderSuggestionComment } from "../generator/render-suggestion-comment.js";
import type { CandidateSource, MethodRegeneration } from "../generator/types.js";
import { postCommandReply } from "../github/post-command-reply.js";
import { toRetryableError } from "../github/to-retryable-error.js";
import type { GitHubClient, ReplyTarget, RepoRef } from "../github/types.js";
import type { ChangedMethod } from "../java/types.js";
import { displayName } from "./render-comment-body.js";

/**
 * Posts the winning candidate on the method's lines: a one-click suggestion where the whole method is
 * in one hunk, else a java block on the part of the method that is in the diff, else in the conversation.
 */
export async function postRegeneratedSuggestion(p: {
  octokit: GitHubClient;
  repo: RepoRef;
  pullNumber: number;
  replyTo: ReplyTarget;
  headSha: string;
  method: ChangedMethod;
  changes: { patches: Map<string, ParsedPatch> };
  best: { code: string; score: number };
  result: MethodRegeneration;
  generator: CandidateSource;
}): Promise<{ url: string; kind: "suggestion" | "code" }> {
  const { octokit, repo, method } = p;
  const patch = p.changes.patches.get(method.path);
  const suggestion = renderSuggestion({ original: method, code: p.best.code, patch, canComment });
  const body = renderSuggestionComment({
    key: method.key,
    hash: method.hash,
    displayName: displayName(method),
    suggestion,
    score: p.best.score,
    originalScore: p.result.originalScore,
    kept: p.result.kept,
    generated: p.result.generated,
    generator: p.generator.name,
  });
  // A plain block goes on the method's lines that are in the diff; with none, into the conversation.
  const range =
    suggestion.kind === "suggestion"
      ? { start: suggestion.startLine, end: suggestion.endLine }
      : patch && commentableRange(patch, method.startLine, method.endLine);
  if (!range) {
    const url = await postCommandReply({
      octokit,
      repo,
      pullNumber: p.pullNumber,
      to: { kind: "issue" },
      body,
    });
    return { url, kind: suggestion.kind };
  }
  let data: { html_url: string };
  try {
    ({ data } = await octokit.rest.pulls.createReviewComment({
      ...repo,
      pull_number: p.pullNumber,
      commit_id: p.headSha,
      path: method.path,
      line: range.end,
      side: "RIGHT",
      ...(range.start < range.end ? { start_line: range.start, start_side: "RIGHT" as const } : {}),
      body,
    }));
  } catch (error) {
    throw toRetryableError(error, "posting the suggestion");
  }
  return { url: data.html_url, kind: suggestion.kind };
}
