import { describe, expect, it } from "vitest";
import { splitEvaluation } from "../../../src/llm/split-evaluation.js";

describe("splitEvaluation", () => {
  it("cuts into full batches and never leaves one token alone", () => {
    expect(splitEvaluation(1024, 512)).toEqual([512, 512]);
    expect(splitEvaluation(513, 512)).toEqual([511, 2]);
    expect(splitEvaluation(1025, 512)).toEqual([512, 511, 2]);
    expect(splitEvaluation(300, 512)).toEqual([300]);
    expect(splitEvaluation(2, 512)).toEqual([2]);
  });

  it("keeps the one token of a one-token evaluation, and nothing for none", () => {
    expect(splitEvaluation(1, 512)).toEqual([1]);
    expect(splitEvaluation(0, 512)).toEqual([]);
  });

  it("sums to the count for every size, each within the batch", () => {
    for (let count = 1; count < 40; count++)
      for (const batch of [3, 7, 16]) {
        const sizes = splitEvaluation(count, batch);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(count);
        for (const s of sizes) expect(s).toBeLessThanOrEqual(batch);
        if (count > 1) expect(sizes).not.toContain(1);
      }
  });
});
