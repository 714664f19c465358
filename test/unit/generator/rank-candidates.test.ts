import { describe, expect, it } from "vitest";
import { rankCandidates } from "../../../src/generator/rank-candidates.js";
import type { Candidate } from "../../../src/generator/types.js";

const c = (index: number, code: string): Candidate => ({
  index,
  code,
  signature: "int f()",
  sources: [index],
});
const base = { originalScore: 0.3, minGain: 0.1, threshold: 0.5 };

describe("rankCandidates", () => {
  it("suggests the best candidate when it beats the original by min_gain and passes the threshold", () => {
    const r = rankCandidates({
      ...base,
      candidates: [c(0, "a"), c(1, "b"), c(2, "c")],
      scores: [0.6, 0.9, 0.7],
    });
    expect(r.outcome).toBe("suggested");
    expect(r.best?.index).toBe(1);
    expect(r.ranked.map((x) => x.index)).toEqual([1, 2, 0]);
  });

  it("breaks ties by shorter code, then by generation index", () => {
    const r = rankCandidates({
      ...base,
      candidates: [c(0, "longer code"), c(1, "short"), c(2, "short"), c(3, "x")],
      scores: [0.8, 0.8, 0.8, 0.7],
    });
    expect(r.ranked.map((x) => x.index)).toEqual([1, 2, 0, 3]);
    const reversed = rankCandidates({
      ...base,
      candidates: [c(2, "short"), c(1, "short"), c(0, "longer code")],
      scores: [0.8, 0.8, 0.8],
    });
    expect(reversed.best?.index).toBe(1);
  });

  it("needs the whole min_gain, without float noise deciding", () => {
    const at = rankCandidates({ ...base, originalScore: 0.6, candidates: [c(0, "a")], scores: [0.7] });
    expect(at.outcome).toBe("suggested");
    const under = rankCandidates({ ...base, originalScore: 0.61, candidates: [c(0, "a")], scores: [0.7] });
    expect(under.outcome).toBe("none-beats-original");
  });

  it("never suggests an equal score, even with min_gain 0", () => {
    const r = rankCandidates({
      ...base,
      minGain: 0,
      originalScore: 0.8,
      candidates: [c(0, "a")],
      scores: [0.8],
    });
    expect(r.outcome).toBe("none-beats-original");
    expect(r.best).toBeNull();
  });

  it("refuses a candidate the judge would flag itself", () => {
    const r = rankCandidates({ ...base, originalScore: 0.1, candidates: [c(0, "a")], scores: [0.45] });
    expect(r).toMatchObject({ outcome: "below-threshold", best: null });
    expect(r.ranked).toHaveLength(1);
  });

  it("ignores candidates the judge skipped and reports when none is left", () => {
    const r = rankCandidates({ ...base, candidates: [c(0, "a"), c(1, "b")], scores: [null, Number.NaN] });
    expect(r).toEqual({ outcome: "no-candidates", best: null, ranked: [] });
    expect(rankCandidates({ ...base, candidates: [], scores: [] }).outcome).toBe("no-candidates");
  });

  it("uses only the threshold when the original has no score", () => {
    const r = rankCandidates({ ...base, originalScore: null, candidates: [c(0, "a")], scores: [0.55] });
    expect(r.outcome).toBe("suggested");
  });
});
