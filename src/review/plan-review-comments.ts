import type { RepoConfig } from "../config/repo-config-schema.js";
import { commentableRange } from "../diff/commentable-range.js";
import type { ParsedPatch } from "../diff/types.js";
import { renderAnnotation } from "./render-annotations.js";
import { renderCommentBody } from "./render-comment-body.js";
import type { MethodOutcome, PlannedAnnotation, PlannedComment } from "./types.js";

export interface ReviewCommentPlan {
  inline: PlannedComment[];
  annotations: PlannedAnnotation[];
}

/**
 * Step 7 (pure): which findings get a line comment and which an annotation. A comment goes only on the
 * method's lines inside one hunk of the head sha's patch (so GitHub accepts the review), at most
 * `inline.max` of them, lowest score first; every other finding, including ones already commented on an
 * earlier push, becomes an annotation of this run's check run.
 */
export function planReviewComments(params: {
  toPost: MethodOutcome[];
  findings: MethodOutcome[];
  patches: Map<string, ParsedPatch>;
  config: Pick<RepoConfig, "threshold" | "inline" | "suggestions"> & Partial<Pick<RepoConfig, "explain">>;
}): ReviewCommentPlan {
  const { config } = params;
  const inline: PlannedComment[] = [];
  for (const outcome of [...params.toPost].sort(byScore)) {
    if (inline.length >= config.inline.max) break;
    const patch = params.patches.get(outcome.path);
    const range = patch ? commentableRange(patch, outcome.startLine, outcome.endLine) : null;
    if (!range) continue;
    inline.push({
      outcome,
      placement:
        range.start === range.end
          ? { path: outcome.path, line: range.end }
          : { path: outcome.path, line: range.end, startLine: range.start },
      body: renderCommentBody({
        outcome,
        threshold: config.threshold,
        suggestionsMode: config.suggestions.mode,
        ...(config.explain ? { minDelta: config.explain.min_delta } : {}),
      }),
    });
  }
  // By the outcome itself, not its key: whatever keys collide, every finding gets a comment or an annotation.
  const commented = new Set(inline.map((c) => c.outcome));
  const annotations = params.findings
    .filter((o) => !commented.has(o))
    .map((o) => renderAnnotation(o, config.threshold, config.explain?.min_delta));
  return { inline, annotations };
}

function byScore(a: MethodOutcome, b: MethodOutcome): number {
  const sa = a.result.kind === "scored" ? a.result.score : 1;
  const sb = b.result.kind === "scored" ? b.result.score : 1;
  return sa - sb || a.path.localeCompare(b.path) || a.startLine - b.startLine;
}
