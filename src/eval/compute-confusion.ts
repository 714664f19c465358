import type { Confusion, ScoredItem } from "./types.js";

/** A score below the threshold flags the method as incorrect; "incorrect" (label 0) is the positive class. */
export function computeConfusion(items: readonly ScoredItem[], threshold: number): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { label, score } of items) {
    const flagged = score < threshold;
    if (label === 0) flagged ? c.tp++ : c.fn++;
    else flagged ? c.fp++ : c.tn++;
  }
  return c;
}
