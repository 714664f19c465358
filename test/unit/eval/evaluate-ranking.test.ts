import { describe, expect, it } from "vitest";
import { evaluateRanking, type TaskCandidate } from "../../../src/eval/evaluate-ranking.js";

const c = (taskId: string, id: string, label: 0 | 1, score: number): TaskCandidate => ({
  taskId,
  id,
  label,
  score,
});

describe("evaluateRanking", () => {
  it("pass@1 of the top pick against random and best picks, by hand", () => {
    const r = evaluateRanking([
      // t1: top pick a2 (0.9) is correct; 1 of 3 correct
      c("t1", "a1", 0, 0.2),
      c("t1", "a2", 1, 0.9),
      c("t1", "a3", 0, 0.5),
      // t2: top pick b1 is wrong; 1 of 2 correct
      c("t2", "b1", 0, 0.8),
      c("t2", "b2", 1, 0.3),
      // t3: nothing correct
      c("t3", "x1", 0, 0.4),
      c("t3", "x2", 0, 0.6),
    ]);
    expect(r).toMatchObject({
      tasks: 3,
      candidates: 7,
      judgePass1: 1 / 3,
      bestPass1: 2 / 3,
      tasksWithTiedTop: 0,
    });
    expect(r.randomPass1).toBeCloseTo((1 / 3 + 1 / 2 + 0) / 3, 12);
    expect(r.gainOverRandom).toBeCloseTo(1 / 3 - (1 / 3 + 1 / 2) / 3, 12);
    expect(r.perTask.map((t) => t.pickId)).toEqual(["a2", "b1", "x2"]);
    expect(r.reasons).toEqual({});
  });

  it("ties at the top: the first in dataset order, and the task is counted as tied", () => {
    const r = evaluateRanking([c("t", "p", 0, 0.5), c("t", "q", 1, 0.5), c("t", "r", 1, 0.1)]);
    expect(r.perTask[0]).toMatchObject({ pickId: "p", pickLabel: 0, tiedAtTop: 2 });
    expect(r).toMatchObject({ judgePass1: 0, tasksWithTiedTop: 1, bestPass1: 1 });
    expect(r.randomPass1).toBeCloseTo(2 / 3, 12);
  });

  it("no candidates: nulls with reasons", () => {
    const r = evaluateRanking([]);
    expect(r).toMatchObject({
      tasks: 0,
      judgePass1: null,
      randomPass1: null,
      bestPass1: null,
      gainOverRandom: null,
    });
    expect(r.reasons.judgePass1).toBe("no tasks");
  });
});
