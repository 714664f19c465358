import type { RocPoint, ScoredItem } from "./types.js";

/**
 * ROC curve of flagging (positive class "incorrect", flagged when score <= cut), one point per distinct
 * score, from (0, 0) to (1, 1); tied scores move diagonally. Null when a class is missing.
 */
export function computeRocCurve(items: readonly ScoredItem[]): RocPoint[] | null {
  const incorrect = items.filter((i) => i.label === 0).length;
  const correct = items.length - incorrect;
  if (incorrect === 0 || correct === 0) return null;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < sorted.length; k++) {
    const item = sorted[k]!;
    if (item.label === 0) tp++;
    else fp++;
    const next = sorted[k + 1];
    if (next === undefined || next.score !== item.score)
      points.push({ fpr: fp / correct, tpr: tp / incorrect });
  }
  return points;
}
