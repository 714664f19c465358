import { describe, expect, it } from "vitest";
import { computeAuc } from "../../../src/eval/compute-auc.js";
import { computeCalibration } from "../../../src/eval/compute-calibration.js";
import { computeClassMetrics } from "../../../src/eval/compute-class-metrics.js";
import { computeConfusion } from "../../../src/eval/compute-confusion.js";
import { computeKappa } from "../../../src/eval/compute-kappa.js";
import { computeRocCurve } from "../../../src/eval/compute-roc-curve.js";
import type { ScoredItem } from "../../../src/eval/types.js";

const items = (rows: [0 | 1, number][]): ScoredItem[] =>
  rows.map(([label, score], k) => ({ id: `m${k}`, label, score }));

// Table A (threshold 0.5): label 0 scores 0.1 0.3 0.6 0.2; label 1 scores 0.8 0.4 0.9 0.7 0.55 0.5.
// Flagged (score < 0.5): 0.1 0.3 0.2 (label 0) and 0.4 (label 1) -> tp 3, fp 1, fn 1 (0.6), tn 5.
const tableA = items([
  [0, 0.1],
  [0, 0.3],
  [0, 0.6],
  [0, 0.2],
  [1, 0.8],
  [1, 0.4],
  [1, 0.9],
  [1, 0.7],
  [1, 0.55],
  [1, 0.5],
]);

describe("confusion and class metrics", () => {
  it("counts incorrect (label 0) as the positive class; score == threshold predicts correct", () => {
    expect(computeConfusion(tableA, 0.5)).toEqual({ tp: 3, fp: 1, fn: 1, tn: 5 });
  });

  it("precision/recall/F1 of both classes match the hand computation", () => {
    const c = computeConfusion(tableA, 0.5);
    const incorrect = computeClassMetrics(c, "incorrect").metrics;
    // precision 3/4, recall 3/4, F1 = 2*3 / (2*3 + 1 + 1) = 0.75
    expect(incorrect).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, support: 4 });
    const correct = computeClassMetrics(c, "correct").metrics;
    // passed: 5 correct + 1 incorrect -> precision 5/6; recall 5/6; F1 = 10 / (10 + 1 + 1) = 5/6
    expect(correct.precision).toBeCloseTo(5 / 6, 12);
    expect(correct.recall).toBeCloseTo(5 / 6, 12);
    expect(correct.f1).toBeCloseTo(5 / 6, 12);
    expect(correct.support).toBe(6);
  });

  it("nothing flagged: precision is null with a reason, recall 0, F1 0", () => {
    const c = computeConfusion(tableA, 0);
    const r = computeClassMetrics(c, "incorrect");
    expect(r.metrics).toEqual({ precision: null, recall: 0, f1: 0, support: 4 });
    expect(r.reasons.precision).toMatch(/no method was flagged/);
  });

  it("no incorrect method and none flagged: recall and F1 null, each explained", () => {
    const r = computeClassMetrics({ tp: 0, fp: 0, fn: 0, tn: 3 }, "incorrect");
    expect(r.metrics).toEqual({ precision: null, recall: null, f1: null, support: 0 });
    expect(Object.keys(r.reasons).sort()).toEqual(["f1", "precision", "recall"]);
  });
});

describe("Cohen's kappa", () => {
  it("table A: po 0.8, pe 0.4*0.4 + 0.6*0.6 = 0.52, kappa 0.28/0.48", () => {
    expect(computeKappa({ tp: 3, fp: 1, fn: 1, tn: 5 }).value).toBeCloseTo(0.28 / 0.48, 12);
  });

  it("perfect agreement is 1, systematic disagreement is -1", () => {
    expect(computeKappa({ tp: 2, fp: 0, fn: 0, tn: 2 }).value).toBe(1);
    expect(computeKappa({ tp: 0, fp: 2, fn: 2, tn: 0 }).value).toBe(-1);
  });

  it("predicting one class on mixed labels is 0 (no better than chance)", () => {
    // po 0.5, flagged 0 -> pe = 0*0.5 + 1*0.5 = 0.5 -> 0
    expect(computeKappa({ tp: 0, fp: 0, fn: 2, tn: 2 }).value).toBe(0);
  });

  it("one class in labels and predictions: null with a reason; empty: null", () => {
    const k = computeKappa({ tp: 0, fp: 0, fn: 0, tn: 4 });
    expect(k.value).toBeNull();
    expect(k.reason).toMatch(/chance agreement is total/);
    expect(computeKappa({ tp: 0, fp: 0, fn: 0, tn: 0 })).toEqual({ value: null, reason: "no examples" });
  });
});

describe("ROC AUC with midranks", () => {
  it("table A: 21 of 24 (correct, incorrect) pairs ordered right", () => {
    // Pairs (correct c, incorrect i): i=0.1,0.2,0.3 are below every correct score: 3*6 = 18 wins.
    // i=0.6 is below 0.8, 0.9, 0.7 (3 wins) and above 0.4, 0.55, 0.5 (3 losses). U = 21, AUC = 21/24.
    expect(computeAuc(tableA).value).toBeCloseTo(21 / 24, 12);
  });

  it("ties count one half", () => {
    // correct 0.5, 0.7; incorrect 0.5, 0.2: pairs (0.5,0.5)=0.5, (0.5,0.2)=1, (0.7,0.5)=1, (0.7,0.2)=1 -> 3.5/4
    expect(
      computeAuc(
        items([
          [1, 0.5],
          [1, 0.7],
          [0, 0.5],
          [0, 0.2],
        ]),
      ).value,
    ).toBe(3.5 / 4);
  });

  it("all scores equal: exactly 0.5; inverted ranking: 0", () => {
    expect(
      computeAuc(
        items([
          [1, 0.3],
          [0, 0.3],
          [1, 0.3],
        ]),
      ).value,
    ).toBe(0.5);
    expect(
      computeAuc(
        items([
          [1, 0.1],
          [0, 0.9],
        ]),
      ).value,
    ).toBe(0);
  });

  it("one class only or empty: null with a reason", () => {
    expect(
      computeAuc(
        items([
          [1, 0.2],
          [1, 0.9],
        ]),
      ),
    ).toEqual({
      value: null,
      reason: "AUC needs both classes; the data has only correct methods (label 1)",
    });
    expect(computeAuc([]).reason).toMatch(/no examples/);
  });
});

describe("ROC curve of flagging", () => {
  it("steps through each distinct score, diagonal over ties", () => {
    // ascending: 0.2 (i), 0.5 (i, c tied), 0.7 (c)
    expect(
      computeRocCurve(
        items([
          [1, 0.5],
          [1, 0.7],
          [0, 0.5],
          [0, 0.2],
        ]),
      ),
    ).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
    expect(computeRocCurve(items([[0, 0.5]]))).toBeNull();
  });
});

describe("calibration", () => {
  it("ECE and the reliability table on a hand table", () => {
    // bin [0.1,0.2): 0.1 (0), 0.15 (1): mean 0.125, fraction 0.5, gap 0.375, weight 2/5
    // bin [0.9,1]: 0.9 (1), 1.0 (1), 0.95 (0): mean 0.95, fraction 2/3, gap 0.95-2/3, weight 3/5
    const c = computeCalibration(
      items([
        [0, 0.1],
        [1, 0.15],
        [1, 0.9],
        [1, 1],
        [0, 0.95],
      ]),
    );
    expect(c.ece.value).toBeCloseTo((2 / 5) * 0.375 + (3 / 5) * (0.95 - 2 / 3), 12);
    expect(c.reliability).toHaveLength(10);
    expect(c.reliability[1]).toMatchObject({ count: 2, meanScore: 0.125, fractionCorrect: 0.5 });
    expect(c.reliability[1]!.lo).toBeCloseTo(0.1, 12);
    expect(c.reliability[9]).toMatchObject({ hi: 1, count: 3, fractionCorrect: 2 / 3 });
    expect(c.reliability[9]!.meanScore).toBeCloseTo(0.95, 12);
    expect(c.reliability[0]).toMatchObject({ count: 0, meanScore: null, fractionCorrect: null });
  });

  it("a perfectly calibrated table has ECE 0; empty data is null with a reason", () => {
    expect(
      computeCalibration(
        items([
          [1, 0.5],
          [0, 0.5],
        ]),
      ).ece.value,
    ).toBe(0);
    expect(computeCalibration([]).ece).toEqual({ value: null, reason: "no examples" });
  });
});
