import { displayName, formatScore } from "./render-comment-body.js";
import type { MethodOutcome, PlannedAnnotation } from "./types.js";

// The checks API takes at most 50 annotations per create/update request.
export const ANNOTATIONS_PER_REQUEST = 50;

/** A check-run annotation for a finding that did not get (or could not get) a line comment. */
export function renderAnnotation(outcome: MethodOutcome, threshold: number): PlannedAnnotation {
  const score = outcome.result.kind === "scored" ? outcome.result.score : 0;
  return {
    path: outcome.path,
    start_line: outcome.startLine,
    end_line: outcome.endLine,
    annotation_level: "warning",
    title: `${displayName(outcome)}: score ${formatScore(score)}`,
    message: `The judge doubts this method does what ${
      outcome.hasJavadoc ? "its Javadoc says" : "its name suggests"
    } (score ${formatScore(score)}, threshold ${formatScore(threshold)}).`,
  };
}

export function chunkAnnotations<T>(items: T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
