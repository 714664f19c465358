import type { Explained, ScoredItem } from "./types.js";

/**
 * ROC AUC: the probability that a correct method scores above an incorrect one, ties counting one half
 * (Mann-Whitney U with midranks). The same number ranks incorrect methods by 1 - score.
 */
export function computeAuc(items: readonly ScoredItem[]): Explained {
  const positives = items.filter((i) => i.label === 1).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) {
    return {
      value: null,
      reason: `AUC needs both classes; the data has only ${describeOnly(positives, negatives)}`,
    };
  }
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSumPositives = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[start]!.score) end++;
    const midrank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (sorted[k]!.label === 1) rankSumPositives += midrank;
    start = end + 1;
  }
  const u = rankSumPositives - (positives * (positives + 1)) / 2;
  return { value: u / (positives * negatives) };
}

function describeOnly(positives: number, negatives: number): string {
  if (positives + negatives === 0) return "no examples";
  return positives === 0 ? "incorrect methods (label 0)" : "correct methods (label 1)";
}
