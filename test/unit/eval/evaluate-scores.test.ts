import { describe, expect, it } from "vitest";
import { evaluateScores } from "../../../src/eval/evaluate-scores.js";
import { sweepThresholds } from "../../../src/eval/sweep-thresholds.js";
import type { ScoredItem } from "../../../src/eval/types.js";

const items = (rows: [0 | 1, number][]): ScoredItem[] =>
  rows.map(([label, score], k) => ({ id: `m${k}`, label, score }));

/** No NaN or Infinity anywhere in a JSON-able report. */
function expectFinite(value: unknown): void {
  JSON.stringify(value, (_k, v) => {
    if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    return v;
  });
}

describe("evaluateScores", () => {
  it("assembles the DESIGN contract keys on a hand table", () => {
    const data = items([
      [0, 0.1],
      [0, 0.3],
      [1, 0.4],
      [1, 0.8],
    ]);
    const r = evaluateScores({ items: data, threshold: 0.5, targetPrecision: 0.9 });
    // flagged 0.1 0.3 0.4 -> tp 2 fp 1 fn 0 tn 1; accuracy 3/4; precision 2/3; recall 1; F1 4/5
    expect(r).toMatchObject({ n: 4, threshold: 0.5, accuracy: 0.75, recall: 1, f1: 0.8, auc: 1 });
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    // po .75; flagged .75, incorrect .5 -> pe .375+.125 = .5 -> kappa .5
    expect(r.kappa).toBeCloseTo(0.5, 12);
    // correct: passed only 0.8 -> precision 1, recall 1/2, F1 2/3; macro (0.8 + 2/3)/2
    expect(r.correct).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(r.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
    expect(r.items).toEqual(data);
    expect(r.reasons).toEqual({});
    expect(r.notes).toEqual([]);
  });

  it("one class only: nulls with reasons, never NaN", () => {
    const r = evaluateScores({
      items: items([
        [1, 0.7],
        [1, 0.2],
      ]),
      threshold: 0.5,
      targetPrecision: 0.8,
    });
    expect(r.auc).toBeNull();
    expect(r.recall).toBeNull();
    expect(r.precision).toBe(0);
    expect(r.kappa).toBe(0);
    expect(r.reasons.auc).toMatch(/both classes/);
    expect(r.reasons.recall).toMatch(/no "incorrect" method/);
    expect(r.sweep.threshold).toBeNull();
    expect(r.sweep.reason).toBe("the data has no incorrect method");
    expect(r.notes[0]).toMatch(/every example has label 1/);
    expectFinite(r);
  });

  it("all scores equal: AUC 0.5, a note says the judge does not tell methods apart", () => {
    const r = evaluateScores({
      items: items([
        [1, 0.5],
        [0, 0.5],
        [0, 0.5],
      ]),
      threshold: 0.5,
      targetPrecision: 0.5,
    });
    expect(r.auc).toBe(0.5);
    expect(r.precision).toBeNull();
    expect(r.kappa).toBe(0);
    expect(r.notes.join(" ")).toMatch(/every score is 0.5/);
    // threshold 1 flags all three: precision 2/3 >= 0.5, recall 1
    expect(r.sweep).toMatchObject({ threshold: 1, recall: 1 });
    expectFinite(r);
  });

  it("empty: every ratio null with a reason", () => {
    const r = evaluateScores({ items: [], threshold: 0.5, targetPrecision: 0.9 });
    expect(r).toMatchObject({ n: 0, accuracy: null, kappa: null, auc: null, ece: null, macroF1: null });
    for (const k of ["accuracy", "kappa", "auc", "ece", "macroF1", "precision", "recall", "f1"]) {
      expect(r.reasons[k], k).toBeTypeOf("string");
    }
    expectFinite(r);
  });
});

describe("sweepThresholds", () => {
  // ascending: 0.1(0) 0.2(0) 0.3(1) 0.4(0) 0.6(1) 0.9(1)
  const data = items([
    [0, 0.1],
    [0, 0.2],
    [1, 0.3],
    [0, 0.4],
    [1, 0.6],
    [1, 0.9],
  ]);

  it("one row per distinct score plus 1, counts by hand", () => {
    const s = sweepThresholds(data, 0.75);
    expect(s.rows.map((r) => [r.threshold, r.flagged])).toEqual([
      [0.1, 0],
      [0.2, 1],
      [0.3, 2],
      [0.4, 3],
      [0.6, 4],
      [0.9, 5],
      [1, 6],
    ]);
    // t=0.6 flags 0.1 0.2 0.3 0.4: precision 3/4, recall 1 -> the most recall at precision >= 0.75
    expect(s).toMatchObject({ threshold: 0.6, precision: 0.75, recall: 1 });
  });

  it("a target reached only by a stricter cut picks it; unreachable -> null with the best reached", () => {
    // precision 1 holds at t=0.2 (recall 1/3) and t=0.3 (recall 2/3): pick 0.3
    expect(sweepThresholds(data, 1)).toMatchObject({ threshold: 0.3, precision: 1 });
    const none = sweepThresholds(
      items([
        [1, 0.1],
        [0, 0.9],
      ]),
      0.9,
    );
    expect(none.threshold).toBeNull();
    expect(none.reason).toBe("no threshold reaches precision 0.9; the highest reached is 0.5");
  });
});
