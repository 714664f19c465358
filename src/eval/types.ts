/** One judged example: its true label (1 = correct, 0 = incorrect) and the judge's P(correct). */
export interface ScoredItem {
  id: string;
  label: 0 | 1;
  score: number;
}

/** A metric that is undefined on the data says why instead of being NaN. */
export type Metric = number | null;

/** Counts with "incorrect" (label 0, what the bot flags) as the positive class. */
export interface Confusion {
  /** label 0, flagged (score < threshold). */
  tp: number;
  /** label 1, flagged. */
  fp: number;
  /** label 0, not flagged. */
  fn: number;
  /** label 1, not flagged. */
  tn: number;
}

export interface ClassMetrics {
  precision: Metric;
  recall: Metric;
  f1: Metric;
  /** Examples of this class in the data. */
  support: number;
}

export interface ReliabilityBin {
  /** Bin bounds: [lo, hi), the last bin [0.9, 1]. */
  lo: number;
  hi: number;
  count: number;
  /** Mean score in the bin (what the judge claims), null when empty. */
  meanScore: Metric;
  /** Fraction labelled correct in the bin (what happened), null when empty. */
  fractionCorrect: Metric;
}

export interface SweepRow {
  threshold: number;
  /** Examples flagged (score < threshold). */
  flagged: number;
  precision: Metric;
  recall: Metric;
  f1: Metric;
}

export interface ThresholdSweep {
  targetPrecision: number;
  /** The threshold reaching the target precision with the highest recall, or null (see reason). */
  threshold: Metric;
  precision: Metric;
  recall: Metric;
  reason?: string;
  rows: SweepRow[];
}

export interface RocPoint {
  /** False positive rate: correct methods ranked as suspect. */
  fpr: number;
  /** True positive rate: incorrect methods ranked as suspect. */
  tpr: number;
}

/** A value and, when it is null, the reason in words. */
export interface Explained {
  value: Metric;
  reason?: string;
}
