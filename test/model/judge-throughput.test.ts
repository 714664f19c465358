import { describe, expect, it } from "vitest";
import { chunkStream, measureJudgeThroughput } from "./judge-throughput.js";
import { buildRankingInputs, buildReviewInputs, mutateBody } from "./judge-workloads.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

describe("judge throughput measurement", () => {
  it("chunks the stream to the context size, repeating the prompts to the count asked", () => {
    expect(chunkStream([[1, 2], [3]], 7, 3)).toEqual([[1, 2, 3], [1, 2, 3], [1]]);
    expect(chunkStream([], 5, 3)).toEqual([]);
  });

  it("builds review inputs of distinct real methods and ranking candidates that differ in the body", async () => {
    const review = await buildReviewInputs(12);
    expect(review).toHaveLength(12);
    expect(new Set(review.map((m) => m.code)).size).toBe(12);
    const ranking = await buildRankingInputs(4, 8);
    expect(ranking).toHaveLength(32);
    expect(new Set(ranking.map((m) => m.code)).size).toBe(32);
    expect(new Set(ranking.map((m) => m.signature)).size).toBe(4);
    expect(mutateBody("int f() { return a < 1; }", 0)).toBe("int f() { return a <= 1; }");
    expect(mutateBody("int f() { return a < 1; }", 1)).toBe("int f() { return a < 2; }");
  });

  it("reports the figures by their definitions, batched scores equal to naive ones", async () => {
    const inputs = await buildRankingInputs(1, 3);
    const t = await measureJudgeThroughput({
      modelPath: await writeTinyGguf({ seed: 3 }),
      inputs,
      contextSize: 512,
      rounds: 1,
      gpu: false,
    });
    expect(t.methods).toBe(3);
    expect(t.sequences).toBe(1);
    expect(t.evaluatedTokens).toBeLessThan(t.promptTokens);
    expect(t.naiveTokensPerS).toBeCloseTo(t.promptTokens / t.naiveSeconds, 6);
    expect(t.batchedTokensPerS).toBeCloseTo(t.evaluatedTokens / t.batchedSeconds, 6);
    expect(t.limitTokensPerS).toBeCloseTo(t.evaluatedTokens / t.limitSeconds, 6);
    expect(t.speedupVsNaive).toBeCloseTo(t.naiveSeconds / t.batchedSeconds, 6);
    expect(t.fractionOfLimit).toBeCloseTo(t.batchedTokensPerS / t.limitTokensPerS, 6);
    expect(t.maxScoreDelta).toBe(0);
  });
});
