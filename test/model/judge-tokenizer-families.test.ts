import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTrainingExamples } from "../../src/eval/build-training-examples.js";
import { buildJudgePrompt } from "../../src/judge/build-judge-prompt.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { createPromptEncoder } from "../../src/judge/create-prompt-encoder.js";
import { findLabelTokens } from "../../src/judge/find-label-tokens.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../src/judge/prompt-template.js";
import type { JudgeResult } from "../../src/judge/types.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { buildTinyVocab, TINY_TOKENIZERS, type TinyTokenizer } from "./build-tiny-vocab.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { type TinyBehaviour, writeTinyGguf } from "./write-tiny-gguf.js";

const scores = (results: JudgeResult[]): number[] =>
  results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));

const inputs = makeJudgeInputs(4);
const flagged = { ...inputs[0]!, code: inputs[0]!.code.replace("int total = 0;", "int total = 0; // BUG") };

describe.each(TINY_TOKENIZERS)("the judge on a %s tokenizer", (tokenizer: TinyTokenizer) => {
  const models: LlmModel[] = [];
  const load = async (behaviour: TinyBehaviour) => {
    const model = await loadModel({ path: await writeTinyGguf({ tokenizer, behaviour }), gpu: false });
    models.push(model);
    return model;
  };
  afterAll(async () => {
    for (const m of models) await m.dispose();
  });

  it("reads the labels llama.cpp produces after the prompt: the vocabulary's '1' and '0'", async () => {
    const model = await load("random");
    const vocab = buildTinyVocab(undefined, tokenizer);
    const prompt = buildJudgePrompt(inputs[0]!, DEFAULT_PROMPT_TEMPLATE);
    const found = createPromptEncoder(DEFAULT_PROMPT_TEMPLATE, model).labels(inputs[0]!);
    expect([found.correct, found.incorrect]).toEqual([vocab.idOf("1"), vocab.idOf("0")]);
    expect(found.context).toEqual(model.tokenize(prompt));
    // The old rule tokenized "1" alone: on the space-prefix family that is two tokens, and the judge was refused.
    expect(model.tokenize("1")).toHaveLength(tokenizer === "spm-space-prefix" ? 2 : 1);
  });

  it("export writes prompt + completion that, tokenized whole, hold the label token where the judge reads it", async () => {
    const model = await load("random");
    const tokenize = (text: string) => model.tokenize(text);
    const record = (label: 0 | 1, code: string) => ({
      repo: "acme/shop",
      pullNumber: 7,
      methodKey: "src/A.java:A#max(int[])",
      signal: "reaction:+1",
      label,
      description: "Returns the largest element.",
      code,
      signature: "int max(int[] a)",
      score: 0.2,
      createdAt: "2026-03-01T00:00:00.000Z",
    });
    const { examples } = buildTrainingExamples(
      [record(1, "int max(int[] a) { return a[0]; }"), record(0, "int max(int[] a) { return 0; }")],
      DEFAULT_PROMPT_TEMPLATE,
    );
    expect(examples.map((e) => e.label)).toEqual([1, 0]);
    for (const e of examples) {
      const judged = findLabelTokens((label) => tokenize(e.prompt + label), DEFAULT_PROMPT_TEMPLATE);
      const whole = tokenize(e.prompt + e.completion);
      expect(whole.slice(0, judged.context.length)).toEqual(judged.context);
      expect(whole[judged.context.length]).toBe(e.label === 1 ? judged.correct : judged.incorrect);
    }
  });

  it.each([
    [{ prefer: "1" }, (s: number) => expect(s).toBeGreaterThan(0.999)],
    [{ prefer: "0" }, (s: number) => expect(s).toBeLessThan(0.001)],
  ] as const)("a model that prefers %j gives the expected score", async (behaviour, check) => {
    const judge = await createModelJudge({ model: await load(behaviour), contextSize: 1024 });
    for (const s of scores(await judge.score(inputs))) check(s);
    await judge.dispose();
  });

  it("a model that flags a marker scores the marked method low and the others high", async () => {
    const judge = await createModelJudge({
      model: await load({ flagIfContains: "BUG" }),
      contextSize: 1024,
      sequences: 2,
    });
    const [bad, ...good] = scores(await judge.score([flagged, ...inputs]));
    // As in the other tests of this behaviour: the circuit's margin is a few logits, not a certainty.
    expect(bad).toBeLessThan(0.1);
    for (const s of good) expect(s).toBeGreaterThan(0.9);
    await judge.dispose();
  });

  it("keeps scores bit-identical with prefix reuse, one by one or together", async () => {
    const model = await load("random");
    const naive = await createModelJudge({ model, contextSize: 1024, sequences: 1, reusePrefix: false });
    const single: number[] = [];
    for (const input of inputs) single.push(...scores(await naive.score([input])));
    const reused = await createModelJudge({ model, contextSize: 1024, sequences: 1 });
    expect(scores(await reused.score(inputs))).toEqual(single);
    expect(reused.stats().evaluatedTokens).toBeLessThan(naive.stats().evaluatedTokens);
    expect(new Set(single).size).toBeGreaterThan(1);
    await naive.dispose();
    await reused.dispose();
  });
});

// The user-visible failure of issue 12: `score` and `eval` refused every model with a space-prefix tokenizer.
describe("java-judge score and eval on a SentencePiece model with a space prefix", () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run("node", ["bin/java-judge.js", ...args], { env: { ...process.env, JUDGE_MODEL: "" } });
  let model = "";
  let dir = "";
  beforeAll(async () => {
    model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" }, tokenizer: "spm-space-prefix" });
    dir = mkdtempSync(join(tmpdir(), "jj-families-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("score: the marked method scores low, the other high", async () => {
    const file = join(dir, "Calc.java");
    writeFileSync(
      file,
      "class Calc {\n  /** Adds. */\n  int add(int a, int b) { return a + b; }\n\n  /** Subtracts. */\n  int sub(int a, int b) { return a - b - 1; /* BUG */ }\n}\n",
    );
    const { stdout } = await cli("score", file, "--model", model, "--json");
    const out = JSON.parse(stdout) as { name: string; score: number }[];
    expect(out.map((m) => m.name)).toEqual(["add", "sub"]);
    expect(out[0]?.score).toBeGreaterThan(0.9);
    expect(out[1]?.score).toBeLessThan(0.1);
  });

  it("eval: a dataset whose incorrect methods hold the marker is judged perfectly", async () => {
    const lines = readFileSync("test/fixtures/eval/eval.jsonl", "utf8").trim().split("\n").slice(0, 12);
    const marked = lines.map((l) => {
      const o = JSON.parse(l) as { code: string; label: number };
      if (o.label === 0) o.code = o.code.replace("{\n", "{ // BUG\n");
      return JSON.stringify(o);
    });
    const dataset = join(dir, "marked.jsonl");
    writeFileSync(dataset, `${marked.join("\n")}\n`);
    const { stdout } = await cli("eval", "--dataset", dataset, "--model", model, "--json");
    expect(JSON.parse(stdout)).toMatchObject({ n: 12, accuracy: 1, kappa: 1, auc: 1, skipped: [] });
  });
});
