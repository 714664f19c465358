import type { Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createNextTokenEvaluator,
  type NextTokenEvaluator,
} from "../../src/llm/create-next-token-evaluator.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const TEXTS = [
  "### Description\nReturns the sum.\n### Candidate\nint add(int a, int b) { return a + b; }\n### Rating\n",
  "### Description\nNone\n### Candidate\nboolean isEmpty() { return size == 0; }\n### Rating\n",
  "### Description\nClamps x.\n### Candidate\nint clamp(int x) { return Math.max(0, Math.min(9, x)); }\n### Rating\n",
];

/** The targets' ratio straight from node-llama-cpp's whole next-token distribution, as the evaluator once read it. */
async function fullDistributionRatio(llm: LlmModel, prompt: number[], targets: number[]): Promise<number[]> {
  const context = await llm.model.createContext({ contextSize: 512, flashAttention: false, threads: 1 });
  try {
    const seq = context.getSequence();
    const tokens = prompt as Token[];
    const out = await seq.controlledEvaluate([
      ...tokens.slice(0, -1),
      [tokens.at(-1) as Token, { generateNext: { probabilities: true } }],
    ]);
    const probs = out.at(-1)?.next.probabilities as Map<Token, number>;
    const p = targets.map((t) => probs.get(t as Token) ?? 0);
    const sum = p.reduce((a, b) => a + b, 0);
    return p.map((x) => x / sum);
  } finally {
    await context.dispose();
  }
}

describe("next-token probabilities of the targets alone", () => {
  let random: LlmModel;
  let evaluator: NextTokenEvaluator;
  beforeAll(async () => {
    random = await loadModel({ path: await writeTinyGguf({ seed: 11 }), gpu: false });
    evaluator = await createNextTokenEvaluator(random, { contextSize: 512, threads: 1 });
  });
  afterAll(async () => {
    await evaluator?.dispose();
    await random?.dispose();
  });

  it("keeps the ratios of the whole distribution (to float32 rounding) and sums to 1 over the targets", async () => {
    const targets = [random.tokenize("1").at(-1) as number, random.tokenize("0").at(-1) as number];
    const prompts = TEXTS.map((t) => random.tokenize(t));
    const results = await evaluator.evaluate(prompts, targets);
    for (const [i, prompt] of prompts.entries()) {
      const expected = await fullDistributionRatio(random, prompt, targets);
      const got = results[i]?.probabilities ?? [];
      expect(got[0]).toBeCloseTo(expected[0] as number, 5);
      expect(got[1]).toBeCloseTo(expected[1] as number, 5);
      expect((got[0] ?? 0) + (got[1] ?? 0)).toBeCloseTo(1, 9);
    }
    // Three targets at once: the same ratios between the first two.
    const three = await evaluator.evaluate(prompts.slice(0, 1), [
      ...targets,
      random.tokenize("x").at(-1) as number,
    ]);
    const [a = 0, b = 0] = three[0]?.probabilities ?? [];
    expect(a / (a + b)).toBeCloseTo(results[0]?.probabilities[0] as number, 5);
  });

  it("falls back to the whole distribution where a target stays outside the boosted top", async () => {
    const model = random;
    // No boost: the top two tokens are rarely both labels, so the evaluator must notice and evaluate again.
    const ev = await createNextTokenEvaluator(model, { contextSize: 512, threads: 1, targetLogitBoost: 0 });
    try {
      const targets = [model.tokenize("1").at(-1) as number, model.tokenize("0").at(-1) as number];
      const prompt = model.tokenize(TEXTS[0] as string);
      const [result] = await ev.evaluate([prompt], targets);
      const expected = await fullDistributionRatio(model, prompt, targets);
      expect(result?.probabilities[0]).toBeCloseTo(expected[0] as number, 5);
      expect(result?.probabilities[1]).toBeCloseTo(expected[1] as number, 5);
      const again = await ev.evaluate([prompt], targets);
      expect(again[0]?.probabilities).toEqual(result?.probabilities);
    } finally {
      await ev.dispose();
    }
  });
});
