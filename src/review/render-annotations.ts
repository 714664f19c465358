import { pickDoubtedLines } from "../explain/pick-doubted-lines.js";
import { displayName, formatScore } from "./render-comment-body.js";
import type { MethodOutcome, PlannedAnnotation } from "./types.js";

/** A check-run annotation for a finding that did not get (or could not get) a line comment. */
export function renderAnnotation(
  outcome: MethodOutcome,
  threshold: number,
  minDelta = 0.1,
): PlannedAnnotation {
  const score = outcome.result.kind === "scored" ? outcome.result.score : 0;
  const top = pickDoubtedLines(outcome.explanation, minDelta, 1)[0];
  const doubt = top
    ? ` Most doubted: line ${top.line} (${top.text}), ${formatScore(score + top.delta)} without it.`
    : "";
  return {
    path: outcome.path,
    start_line: outcome.startLine,
    end_line: outcome.endLine,
    annotation_level: "warning",
    title: `${displayName(outcome)}: score ${formatScore(score)}`,
    message: `The judge doubts this method does what ${
      outcome.hasJavadoc ? "its Javadoc says" : "its name suggests"
    } (score ${formatScore(score)}, threshold ${formatScore(threshold)}).${doubt}`,
  };
}
