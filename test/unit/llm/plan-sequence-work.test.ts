import { describe, expect, it } from "vitest";
import { parseLlamaGpu } from "../../../src/llm/get-llama-runtime.js";
import { planSequenceWork } from "../../../src/llm/plan-sequence-work.js";

describe("planSequenceWork", () => {
  it("puts prompts sharing a prefix next to each other and uses every index once", () => {
    const prompts = [
      [1, 2, 9],
      [5, 5],
      [1, 2, 3],
      [5, 6],
      [1, 2],
    ];
    const plan = planSequenceWork(prompts, 2);
    expect(plan.flat().sort()).toEqual([0, 1, 2, 3, 4]);
    expect(plan).toEqual([
      [4, 2, 0],
      [1, 3],
    ]);
  });

  it("never plans more runs than sequences, nor empty runs", () => {
    expect(planSequenceWork([[1], [2]], 8)).toEqual([[0], [1]]);
    expect(planSequenceWork([], 4)).toEqual([]);
    expect(planSequenceWork([[1], [2], [3]], 1)).toEqual([[0, 1, 2]]);
  });
});

describe("parseLlamaGpu", () => {
  it("accepts auto, cuda, vulkan, false", () => {
    expect(parseLlamaGpu(undefined)).toBe("auto");
    expect(parseLlamaGpu("CUDA")).toBe("cuda");
    expect(parseLlamaGpu("false")).toBe(false);
    expect(() => parseLlamaGpu("metalx")).toThrow(/LLAMA_GPU=metalx/);
  });
});
