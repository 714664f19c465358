import type { Explained, ReliabilityBin, ScoredItem } from "./types.js";

export const CALIBRATION_BINS = 10;

export interface Calibration {
  /** Expected calibration error: sum over bins of (count / n) * |fractionCorrect - meanScore|. */
  ece: Explained;
  reliability: ReliabilityBin[];
}

/** Reliability table in 10 equal-width bins of the score ([0, 0.1), ..., [0.9, 1]) and the ECE. */
export function computeCalibration(items: readonly ScoredItem[]): Calibration {
  const sums = Array.from({ length: CALIBRATION_BINS }, () => ({ count: 0, score: 0, correct: 0 }));
  for (const { label, score } of items) {
    const bin = sums[Math.min(Math.floor(score * CALIBRATION_BINS), CALIBRATION_BINS - 1)]!;
    bin.count++;
    bin.score += score;
    bin.correct += label;
  }
  let ece = 0;
  const reliability = sums.map((s, k): ReliabilityBin => {
    const lo = k / CALIBRATION_BINS;
    const hi = (k + 1) / CALIBRATION_BINS;
    if (s.count === 0) return { lo, hi, count: 0, meanScore: null, fractionCorrect: null };
    const meanScore = s.score / s.count;
    const fractionCorrect = s.correct / s.count;
    ece += (s.count / items.length) * Math.abs(fractionCorrect - meanScore);
    return { lo, hi, count: s.count, meanScore, fractionCorrect };
  });
  if (items.length === 0) return { ece: { value: null, reason: "no examples" }, reliability };
  return { ece: { value: ece }, reliability };
}
