import { computeClassMetrics } from "./compute-class-metrics.js";
import { computeConfusion } from "./compute-confusion.js";
import type { ScoredItem, SweepRow, ThresholdSweep } from "./types.js";

/**
 * Precision and recall of flagging at every threshold that changes what is flagged (each distinct score,
 * and 1 to flag everything below it), and the threshold that reaches `targetPrecision` with the most recall
 * (ties: the higher precision, then the lower threshold).
 */
export function sweepThresholds(items: readonly ScoredItem[], targetPrecision: number): ThresholdSweep {
  const cuts = [...new Set(items.map((i) => i.score))];
  if (!cuts.includes(1)) cuts.push(1);
  cuts.sort((a, b) => a - b);
  const rows = cuts.map((threshold): SweepRow => {
    const c = computeConfusion(items, threshold);
    const { precision, recall, f1 } = computeClassMetrics(c, "incorrect").metrics;
    return { threshold, flagged: c.tp + c.fp, precision, recall, f1 };
  });
  const base = { targetPrecision, rows };
  if (!items.some((i) => i.label === 0)) {
    return {
      ...base,
      threshold: null,
      precision: null,
      recall: null,
      reason: "the data has no incorrect method",
    };
  }
  let best: SweepRow | undefined;
  for (const row of rows) {
    if (row.precision === null || row.precision < targetPrecision) continue;
    if (best === undefined || isBetter(row, best)) best = row;
  }
  if (best === undefined) {
    const top = Math.max(...rows.map((r) => r.precision ?? 0));
    return {
      ...base,
      threshold: null,
      precision: null,
      recall: null,
      reason: `no threshold reaches precision ${targetPrecision}; the highest reached is ${round(top)}`,
    };
  }
  return { ...base, threshold: best.threshold, precision: best.precision, recall: best.recall };
}

function isBetter(a: SweepRow, b: SweepRow): boolean {
  if (a.recall! !== b.recall!) return a.recall! > b.recall!;
  if (a.precision! !== b.precision!) return a.precision! > b.precision!;
  return a.threshold < b.threshold;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
