import { computeAuc } from "./compute-auc.js";
import { computeCalibration } from "./compute-calibration.js";
import { computeClassMetrics } from "./compute-class-metrics.js";
import { computeConfusion } from "./compute-confusion.js";
import { computeKappa } from "./compute-kappa.js";
import { computeRocCurve } from "./compute-roc-curve.js";
import { divide } from "./divide.js";
import { sweepThresholds } from "./sweep-thresholds.js";
import type {
  ClassMetrics,
  Confusion,
  Metric,
  ReliabilityBin,
  RocPoint,
  ScoredItem,
  ThresholdSweep,
} from "./types.js";

export interface EvalParams {
  items: readonly ScoredItem[];
  /** A score >= threshold predicts correct. */
  threshold: number;
  targetPrecision: number;
}

/** The `eval --json` contract (DESIGN.md) plus the extra keys; every null metric has its reason in `reasons`. */
export interface EvalReport {
  n: number;
  threshold: number;
  accuracy: Metric;
  /** Of the class "incorrect" (label 0), the one the bot flags. */
  precision: Metric;
  recall: Metric;
  f1: Metric;
  kappa: Metric;
  auc: Metric;
  items: ScoredItem[];
  confusion: Confusion;
  incorrect: ClassMetrics;
  correct: ClassMetrics;
  macroF1: Metric;
  ece: Metric;
  reliability: ReliabilityBin[];
  roc: RocPoint[] | null;
  sweep: ThresholdSweep;
  /** Metric name -> why it is null (e.g. "auc", "correct.precision"). */
  reasons: Record<string, string>;
  /** Facts about the data worth knowing when reading the numbers (e.g. all scores equal). */
  notes: string[];
}

export function evaluateScores({ items, threshold, targetPrecision }: EvalParams): EvalReport {
  const confusion = computeConfusion(items, threshold);
  const incorrect = computeClassMetrics(confusion, "incorrect");
  const correct = computeClassMetrics(confusion, "correct");
  const accuracy = divide(confusion.tp + confusion.tn, items.length, "no examples");
  const kappa = computeKappa(confusion);
  const auc = computeAuc(items);
  const calibration = computeCalibration(items);
  const reasons: Record<string, string> = {};
  const note = (name: string, reason: string | undefined) => {
    if (reason !== undefined) reasons[name] = reason;
  };
  note("accuracy", accuracy.reason);
  for (const [k, v] of Object.entries(incorrect.reasons)) note(k, v);
  for (const [k, v] of Object.entries(correct.reasons)) note(`correct.${k}`, v);
  note("kappa", kappa.reason);
  note("auc", auc.reason);
  note("ece", calibration.ece.reason);
  const f1s = [incorrect.metrics.f1, correct.metrics.f1];
  const macroF1 = f1s[0] != null && f1s[1] != null ? (f1s[0] + f1s[1]) / 2 : null;
  if (macroF1 === null) note("macroF1", "the F1 of one class is undefined");
  const roc = computeRocCurve(items);
  if (roc === null) note("roc", auc.reason);
  return {
    n: items.length,
    threshold,
    accuracy: accuracy.value,
    precision: incorrect.metrics.precision,
    recall: incorrect.metrics.recall,
    f1: incorrect.metrics.f1,
    kappa: kappa.value,
    auc: auc.value,
    items: [...items],
    confusion,
    incorrect: incorrect.metrics,
    correct: correct.metrics,
    macroF1,
    ece: calibration.ece.value,
    reliability: calibration.reliability,
    roc,
    sweep: sweepThresholds(items, targetPrecision),
    reasons,
    notes: describeData(items),
  };
}

function describeData(items: readonly ScoredItem[]): string[] {
  const notes: string[] = [];
  const labels = new Set(items.map((i) => i.label));
  if (items.length > 0 && labels.size === 1) {
    notes.push(`every example has label ${[...labels][0]}: metrics that compare the classes are undefined`);
  }
  const scores = new Set(items.map((i) => i.score));
  if (items.length > 1 && scores.size === 1) {
    notes.push(
      `every score is ${[...scores][0]}: the judge does not tell the methods apart (AUC is 0.5 when both classes are present)`,
    );
  }
  return notes;
}
