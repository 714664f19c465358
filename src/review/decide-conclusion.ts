import type { MethodOutcome } from "./types.js";

export type CheckConclusion = "success" | "neutral" | "failure";

export interface ConclusionParams {
  outcomes: MethodOutcome[];
  whenFlagged: "neutral" | "failure";
  /** Something kept the review from covering every changed method (a file skipped, a comment GitHub refused). */
  partial: boolean;
}

/**
 * `success` only when every changed method was judged and none flagged: a partial review never reads
 * as a pass (it is `neutral`, and the summary says what was not covered).
 */
export function decideConclusion({ outcomes, whenFlagged, partial }: ConclusionParams): CheckConclusion {
  const flagged = outcomes.some((o) => o.result.kind === "scored" && o.result.flagged);
  if (flagged) return whenFlagged;
  const skipped = outcomes.some((o) => o.result.kind === "skipped");
  return skipped || partial ? "neutral" : "success";
}
