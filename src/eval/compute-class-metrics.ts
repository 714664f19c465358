import { divide } from "./divide.js";
import type { ClassMetrics, Confusion, Explained } from "./types.js";

export type ClassName = "incorrect" | "correct";

export interface ExplainedClassMetrics {
  metrics: ClassMetrics;
  /** Reasons keyed by metric name, for the metrics that are null. */
  reasons: Record<string, string>;
}

/** Precision, recall and F1 of one class; "correct" swaps the roles of flagged and not flagged. */
export function computeClassMetrics(c: Confusion, cls: ClassName): ExplainedClassMetrics {
  const { tp, fp, fn } = cls === "incorrect" ? c : { tp: c.tn, fp: c.fn, fn: c.fp };
  const predicted = cls === "incorrect" ? "flagged" : "passed";
  const precision = divide(tp, tp + fp, `no method was ${predicted}, so precision of "${cls}" is undefined`);
  const recall = divide(tp, tp + fn, `the data has no "${cls}" method, so recall of "${cls}" is undefined`);
  // 2tp / (2tp + fp + fn) equals the harmonic mean where both exist and stays defined when only one does.
  const f1 = divide(2 * tp, 2 * tp + fp + fn, `no "${cls}" method in the data and none predicted`);
  const reasons: Record<string, string> = {};
  const entries: [string, Explained][] = [
    ["precision", precision],
    ["recall", recall],
    ["f1", f1],
  ];
  for (const [name, e] of entries) if (e.reason) reasons[name] = e.reason;
  return {
    metrics: { precision: precision.value, recall: recall.value, f1: f1.value, support: tp + fn },
    reasons,
  };
}
