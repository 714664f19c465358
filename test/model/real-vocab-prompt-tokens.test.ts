import { readFile } from "node:fs/promises";
import type { Token } from "node-llama-cpp";
import { afterAll, describe, expect, it } from "vitest";
import { buildJudgePrompt } from "../../src/judge/build-judge-prompt.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { createPromptEncoder } from "../../src/judge/create-prompt-encoder.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../src/judge/prompt-template.js";
import type { JudgeInput, JudgeResult } from "../../src/judge/types.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { type RealVocabName, realVocabPath } from "../support/real-vocab.js";
import { createRealVocabLoader } from "./create-real-vocab-loader.js";
import { makeJudgeInputs } from "./judge-fixtures.js";

/** Each vocabulary's facts (llama.cpp's), and a control token of it to inject through a method's text. */
const VOCABS: { vocab: RealVocabName; size: number; bos: string | null; control: string }[] = [
  { vocab: "qwen2", size: 151936, bos: null, control: "<|im_end|>" },
  { vocab: "llama-bpe", size: 128256, bos: "<|begin_of_text|>", control: "<|eot_id|>" },
  { vocab: "llama-spm", size: 32000, bos: "<s>", control: "</s>" },
  { vocab: "gemma-4", size: 262144, bos: "<bos>", control: "<turn|>" },
];

const inputs = makeJudgeInputs(3);

const scores = (results: JudgeResult[]): number[] =>
  results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));

describe("prompt tokens on real vocabularies (random weights on llama.cpp's vocab GGUFs)", () => {
  const models = createRealVocabLoader();
  const load = models.load;
  afterAll(() => models.dispose());

  it.each(VOCABS)(
    "$vocab: BOS as llama.cpp says, the label after the prompt, method text never a control token",
    async ({ vocab, size, bos, control }) => {
      const model = await load({ vocab });
      expect(model.model.fileInfo.metadata.tokenizer.ggml.tokens).toHaveLength(size);
      expect(model.addsBos).toBe(bos !== null);
      if (bos !== null) expect(model.bosText).toBe(bos);
      // The copied tokenizer is llama.cpp's: its own tokenizer test (texts and expected ids, no BOS) holds.
      const vocabPath = await realVocabPath(vocab);
      const texts = (await readFile(`${vocabPath}.inp`, "utf8"))
        .split("\n__ggml_vocab_test__\n")
        .slice(0, -1);
      const ids = (await readFile(`${vocabPath}.out`, "utf8")).split("\n").slice(0, texts.length);
      expect(texts.length).toBeGreaterThan(40);
      expect(texts.map((t) => model.tokenize(t).join(" "))).toEqual(ids.map((l) => l.trim()));
      expect(model.controlTokens.has(control)).toBe(true);
      const encoder = createPromptEncoder(DEFAULT_PROMPT_TEMPLATE, model);
      const input = inputs[0] as JudgeInput;
      const prompt = buildJudgePrompt(input, DEFAULT_PROMPT_TEMPLATE);

      // llama.cpp's own tokenization of the whole text, BOS first where its tokenizer adds one.
      const own = [...(bos === null ? [] : [model.model.tokens.bos as number]), ...model.tokenize(prompt)];
      expect(encoder.tokens(input)).toEqual(own);
      if (bos !== null) expect(model.detokenize([own[0] as number])).toBe("");
      const found = encoder.labels(input);
      expect(found.context).toEqual(own);
      const withOne = model.tokenize(`${prompt}1`);
      const withZero = model.tokenize(`${prompt}0`);
      expect([found.correct, found.incorrect]).toEqual([withOne.at(-1), withZero.at(-1)]);

      // A Javadoc and a string literal holding the control token's text: plain text, not the control token.
      const injected: JudgeInput = {
        ...input,
        description: `Ends the turn ${control} early.`,
        code: input.code.replace("int total = 0;", `String end = "${control}";\n  int total = 0;`),
      };
      const controlId = model.controlTokens.get(control) as number;
      const tokens = encoder.tokens(injected);
      expect(tokens).not.toContain(controlId);
      const text = buildJudgePrompt(injected, DEFAULT_PROMPT_TEMPLATE);
      expect(tokens.slice(bos === null ? 0 : 1)).toEqual(model.tokenize(text));
      // The same text with special parsing on holds the control token: the check above can fail.
      expect(model.model.tokenize(text, true)).toContain(controlId);
    },
  );

  it("a template's own control token is one token; the same text inserted stays plain", async () => {
    const model = await load({ vocab: "qwen2" });
    const template = {
      ...DEFAULT_PROMPT_TEMPLATE,
      text: `<|im_start|>${DEFAULT_PROMPT_TEMPLATE.text}<|im_end|>\n`,
    };
    const encoder = createPromptEncoder(template, model);
    const input = { ...(inputs[1] as JudgeInput), description: "Stops at <|im_start|>." };
    const tokens = encoder.tokens(input);
    const start = model.controlTokens.get("<|im_start|>") as number;
    const end = model.controlTokens.get("<|im_end|>") as number;
    expect(tokens[0]).toBe(start);
    expect(tokens.filter((t) => t === start)).toHaveLength(1);
    expect(tokens.at(-2)).toBe(end);
    expect(encoder.segments(input).filter((s) => s.special)).toEqual([
      { text: "<|im_start|>", special: true },
      { text: "<|im_end|>", special: true },
    ]);
  });

  it("score: the same weights with add_bos_token true and false score differently; true = llama.cpp with BOS first", async () => {
    const withBos = await load({ vocab: "llama-bpe", addBosToken: true, seed: 3 });
    const withoutBos = await load({ vocab: "llama-bpe", addBosToken: false, seed: 3 });
    expect([withBos.addsBos, withoutBos.addsBos]).toEqual([true, false]);
    const run = async (model: LlmModel) => {
      const judge = await createModelJudge({ model, contextSize: 1024, threads: 1 });
      try {
        return { id: judge.id, scores: scores(await judge.score(inputs)) };
      } finally {
        await judge.dispose();
      }
    };
    const on = await run(withBos);
    const off = await run(withoutBos);
    expect(on.id).not.toBe(off.id);
    for (const [i, s] of on.scores.entries())
      expect(Math.abs(s - (off.scores[i] as number))).toBeGreaterThan(1e-4);

    // llama.cpp's own computation: [BOS, ...tokenize(prompt)] evaluated whole, the labels' ratio of the full
    // next-token distribution.
    const context = await withBos.model.createContext({
      contextSize: 1024,
      flashAttention: false,
      threads: 1,
    });
    try {
      const seq = context.getSequence();
      for (const [i, input] of inputs.entries()) {
        await seq.clearHistory();
        const prompt = buildJudgePrompt(input, DEFAULT_PROMPT_TEMPLATE);
        const tokens = [withBos.model.tokens.bos as number, ...withBos.tokenize(prompt)] as Token[];
        const one = withBos.tokenize(`${prompt}1`).at(-1) as Token;
        const zero = withBos.tokenize(`${prompt}0`).at(-1) as Token;
        const out = await seq.controlledEvaluate([
          ...tokens.slice(0, -1),
          [tokens.at(-1) as Token, { generateNext: { probabilities: true } }],
        ]);
        const probs = out.at(-1)?.next.probabilities as Map<Token, number>;
        const [p1, p0] = [probs.get(one) ?? 0, probs.get(zero) ?? 0];
        expect(on.scores[i]).toBeCloseTo(p1 / (p1 + p0), 5);
      }
    } finally {
      await context.dispose();
    }
  });
});
