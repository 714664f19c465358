import { displayName, formatScore } from "./render-comment-body.js";
import type { MethodOutcome, PlannedAnnotation } from "./types.js";

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
