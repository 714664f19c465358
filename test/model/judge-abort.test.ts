import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { Judge, JudgeResult } from "../../src/judge/types.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const scores = (results: JudgeResult[]): number[] =>
  results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));

describe("a judge's scoring under an AbortSignal (a job's deadline)", () => {
  let model: LlmModel;
  let judge: Judge;
  beforeAll(async () => {
    model = await loadModel({ path: await writeTinyGguf({ seed: 7 }), gpu: false });
    judge = await createModelJudge({ model, contextSize: 1024, sequences: 2, threads: 1 });
  });
  afterAll(async () => {
    await judge?.dispose();
    await model?.dispose();
  });

  it("stops between prompts with the signal's reason, and scores the same afterwards", async () => {
    const inputs = makeJudgeInputs(8);
    const controller = new AbortController();
    const reason = new Error("deadline");
    const progress: number[] = [];
    const aborted = judge.score(
      inputs,
      (p) => {
        progress.push(p.done);
        if (p.done === 2) controller.abort(reason);
      },
      controller.signal,
    );
    await expect(aborted).rejects.toBe(reason);
    // Each of the two sequences finishes at most the prompt it was on.
    expect(Math.max(...progress)).toBeLessThanOrEqual(3);

    // The sequences hold parts of aborted prompts; prefix reuse must still give the same scores.
    const fresh = await createModelJudge({ model, contextSize: 1024, sequences: 2, threads: 1 });
    try {
      expect(scores(await judge.score(inputs))).toEqual(scores(await fresh.score(inputs)));
    } finally {
      await fresh.dispose();
    }
  });

  it("an already-aborted signal evaluates nothing", async () => {
    const before = judge.stats().evaluations;
    const reason = new Error("past the budget");
    await expect(judge.score(makeJudgeInputs(3), undefined, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(judge.stats().evaluations).toBe(before);
  });
});
