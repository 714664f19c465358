import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildJudgePrompt } from "../../src/judge/build-judge-prompt.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../src/judge/prompt-template.js";
import type { Judge, JudgeInput, JudgeResult } from "../../src/judge/types.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const scores = (results: JudgeResult[]): number[] =>
  results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));

function commonPrefix(a: number[], b: number[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

describe("createModelJudge on real inference", () => {
  let model: LlmModel;
  const judges: Judge[] = [];
  const judgeOf = async (params: Omit<Parameters<typeof createModelJudge>[0], "model">) => {
    const j = await createModelJudge({ model, contextSize: 1024, ...params });
    judges.push(j);
    return j;
  };
  beforeAll(async () => {
    model = await loadModel({ path: await writeTinyGguf({ seed: 7 }), gpu: false });
  });
  afterAll(async () => {
    for (const j of judges) await j.dispose();
    await model.dispose();
  });

  it("gives scores in [0, 1] that depend on the method", async () => {
    const judge = await judgeOf({ sequences: 2 });
    const s = scores(await judge.score(makeJudgeInputs(6)));
    for (const v of s) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of s) expect(v).toBeLessThanOrEqual(1);
    expect(new Set(s).size).toBeGreaterThan(1);
  });

  it("gives bit-identical scores with prefix reuse, and the same to 1e-6 batched over sequences", async () => {
    const inputs = makeJudgeInputs(8);
    const single: number[] = [];
    for (const input of inputs) {
      const fresh = await judgeOf({ sequences: 1 });
      single.push(...scores(await fresh.score([input])));
      await fresh.dispose();
    }
    // One sequence: every prompt after the first reuses a prefix of the previous one.
    const reused = await judgeOf({ sequences: 1 });
    expect(scores(await reused.score(inputs))).toEqual(single);
    expect(scores(await reused.score([...inputs].reverse()))).toEqual([...single].reverse());
    // Several sequences in one llama.cpp batch: its multi-sequence kernels round differently (~1e-7), see README.
    const batched = scores(await (await judgeOf({ sequences: 4 })).score(inputs));
    for (const [i, s] of batched.entries()) expect(s).toBeCloseTo(single[i] as number, 6);
  });

  it("on the CPU defaults to one sequence: scores bit-identical to one by one", async () => {
    const inputs = makeJudgeInputs(6);
    const naive = await judgeOf({ sequences: 1, reusePrefix: false });
    const single: number[] = [];
    for (const input of inputs) single.push(...scores(await naive.score([input])));
    expect(scores(await (await judgeOf({})).score(inputs))).toEqual(single);
  });

  it("scores a prompt its sequence already holds bit-identically (never one token alone in a batch)", async () => {
    const input = makeJudgeInputs(1)[0] as JudgeInput;
    const naive = await judgeOf({ sequences: 1, reusePrefix: false });
    const reused = await judgeOf({ sequences: 1 });
    const once = scores(await naive.score([input]));
    expect(scores(await reused.score([input, input]))).toEqual([...once, ...once]);
  });

  it("counts exactly the tokens it evaluates: each prompt minus the prefix its sequence already held", async () => {
    const judge = await judgeOf({ sequences: 1 });
    // Known order (one prompt per call), so the expected count does not depend on the plan's sorting.
    const inputs = [...makeJudgeInputs(5)].reverse();
    const prompts = inputs.map((i) => model.tokenize(buildJudgePrompt(i, DEFAULT_PROMPT_TEMPLATE)));
    let expected = 0;
    for (const [k, input] of inputs.entries()) {
      const [r] = await judge.score([input]);
      const prompt = prompts[k] as number[];
      expect(r).toMatchObject({ kind: "scored", promptTokens: prompt.length });
      const held = k === 0 ? 0 : commonPrefix(prompts[k - 1] as number[], prompt);
      expected += prompt.length - Math.min(held, prompt.length - 2);
    }
    const stats = judge.stats();
    expect(stats.promptTokens).toBe(prompts.reduce((n, p) => n + p.length, 0));
    expect(stats.evaluatedTokens).toBe(expected);
    // The same prompt again: its last two tokens are evaluated (the last alone would round differently).
    await judge.score([inputs.at(-1) as JudgeInput]);
    expect(judge.stats().evaluatedTokens).toBe(expected + 2);
  });

  it("evaluates fewer tokens than the prompts hold when prompts share a prefix", async () => {
    const judge = await judgeOf({ sequences: 1 });
    const inputs = makeJudgeInputs(4);
    const results = await judge.score(inputs);
    const promptTokens = results.reduce((n, r) => n + (r.kind === "scored" ? r.promptTokens : 0), 0);
    const shared = model.tokenize("### Description\n").length;
    const stats = judge.stats();
    expect(stats.promptTokens).toBe(promptTokens);
    expect(stats.evaluations).toBe(4);
    // At least the template's opening line is reused by the 2nd, 3rd and 4th prompt.
    expect(stats.evaluatedTokens).toBeLessThanOrEqual(promptTokens - 3 * shared);
    expect(stats.evaluatedTokens).toBeGreaterThan(0);
  });

  it("skips a method too long for the context, with a reason, and scores the others", async () => {
    const judge = await judgeOf({ sequences: 2 });
    const [ok, long] = makeJudgeInputs(2) as [
      ReturnType<typeof makeJudgeInputs>[0],
      ReturnType<typeof makeJudgeInputs>[0],
    ];
    const huge = { ...long, code: `${long.code}\n${"// filler line\n".repeat(200)}` };
    const [a, b] = await judge.score([ok, huge]);
    expect(a?.kind).toBe("scored");
    expect(b).toMatchObject({
      kind: "skipped",
      reason: expect.stringMatching(/too long.*\d+ prompt tokens.*holds \d+/),
    });
  });

  it("reports progress up to the total", async () => {
    const judge = await judgeOf({ sequences: 2 });
    const seen: number[] = [];
    await judge.score(makeJudgeInputs(3), (p) => {
      expect(p.total).toBe(3);
      seen.push(p.done);
    });
    expect(seen.at(-1)).toBe(3);
  });
});
