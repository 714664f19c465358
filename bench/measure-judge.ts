import { loadJavaParser } from "../src/java/load-java-parser.js";
import { buildJudgePrompt } from "../src/judge/build-judge-prompt.js";
import { createModelJudge } from "../src/judge/create-model-judge.js";
import { judgeInputFromMethod } from "../src/judge/judge-input-from-method.js";
import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate } from "../src/judge/prompt-template.js";
import type { JudgeInput } from "../src/judge/types.js";
import { createNextTokenEvaluator } from "../src/llm/create-next-token-evaluator.js";
import type { LlmModel } from "../src/llm/llm-model.js";
import type { JavaSource } from "./build-java-corpus.js";

export interface JudgeFigures {
  methods: number;
  sequences: number;
  contextSize: number;
  naiveTokensPerS: number;
  batchedTokensPerS: number;
  limitTokensPerS: number;
  speedupVsNaive: number;
  fractionOfLimit: number;
  /** Tokens of all prompts (what the naive run evaluates). */
  promptTokens: number;
  /** Tokens the batched run evaluated after prefix reuse. */
  evaluatedTokens: number;
  naiveSeconds: number;
  batchedSeconds: number;
  limitSeconds: number;
  /** Largest score difference batched vs naive (should be ~1e-6: same methods, same model). */
  maxScoreDelta: number;
}

/** Distinct real-shaped methods of the corpus, spread over its files, that fit the context. */
export async function pickJudgeInputs(
  corpus: JavaSource[],
  count: number,
  maxChars: number,
): Promise<JudgeInput[]> {
  const parser = await loadJavaParser();
  const seen = new Set<string>();
  const inputs: JudgeInput[] = [];
  for (let round = 0; inputs.length < count && round < 64; round++) {
    for (const source of corpus) {
      const method = parser.extractMethods(source.path, source.text).filter((m) => !m.hasError)[round];
      if (!method || method.text.length > maxChars || seen.has(method.text)) continue;
      seen.add(method.text);
      inputs.push(judgeInputFromMethod(method));
      if (inputs.length === count) break;
    }
  }
  return inputs;
}

/**
 * The same methods scored (a) naively: each alone in a fresh one-sequence context, whole prompt; (b) by the judge
 * as the app runs it: one context, several sequences, prefix reuse; (c) the limit: as many tokens as (b) evaluated,
 * as one stream in one sequence (see measureStream).
 * Seconds are those spent scoring: context creation is not counted for (a), which only favours the naive run.
 */
export async function measureJudge(params: {
  llm: LlmModel;
  inputs: JudgeInput[];
  /** Default 4 and min(train context, 4096): the judge's own defaults, what the app runs. */
  sequences?: number | undefined;
  contextSize?: number | undefined;
  /** Interleaved repetitions; each run's fastest counts. Default 1. */
  rounds?: number;
  /** Default: DESIGN.md's template (the one in models/models.json). */
  template?: PromptTemplate;
  onProgress?: (msg: string) => void;
}): Promise<JudgeFigures> {
  const { llm, inputs } = params;
  const template = params.template ?? DEFAULT_PROMPT_TEMPLATE;
  const sequences = params.sequences ?? 4;
  const contextSize = params.contextSize ?? Math.min(llm.trainContextSize, 4096);
  const log = params.onProgress ?? (() => {});
  const rounds = Math.max(1, params.rounds ?? 1);
  const settings = { llm, contextSize, template };
  const prompts = inputs.map((i) => llm.tokenize(buildJudgePrompt(i, template)));
  let naive = { seconds: Number.POSITIVE_INFINITY, promptTokens: 0, scores: [] as number[] };
  let batched = {
    seconds: Number.POSITIVE_INFINITY,
    promptTokens: 0,
    evaluatedTokens: 0,
    scores: [] as number[],
  };
  let limitSeconds = Number.POSITIVE_INFINITY;
  // Rounds interleave the three runs and keep each one's fastest: on a shared machine the others' load comes
  // and goes, and the fastest round is the one least disturbed, for every run alike.
  for (let round = 1; round <= rounds; round++) {
    log(`judge round ${round}/${rounds}: naive (${inputs.length} methods one by one)`);
    const a = await scoreNaively(settings, inputs);
    if (a.seconds < naive.seconds) naive = a;
    log(`judge round ${round}/${rounds}: batched (${sequences} sequences)`);
    const b = await scoreBatched({ ...settings, sequences }, inputs);
    if (b.seconds < batched.seconds) batched = b;
    log(`judge round ${round}/${rounds}: limit (one stream)`);
    limitSeconds = Math.min(limitSeconds, await measureStream(llm, prompts, b.evaluatedTokens, contextSize));
  }
  const maxScoreDelta = batched.scores.reduce(
    (d, s, i) => Math.max(d, Math.abs(s - (naive.scores[i] ?? Number.NaN))),
    0,
  );
  const naiveTokensPerS = naive.promptTokens / naive.seconds;
  const batchedTokensPerS = batched.evaluatedTokens / batched.seconds;
  const limitTokensPerS = batched.evaluatedTokens / limitSeconds;
  return {
    methods: inputs.length,
    sequences,
    contextSize,
    naiveTokensPerS,
    batchedTokensPerS,
    limitTokensPerS,
    speedupVsNaive: naive.seconds / batched.seconds,
    fractionOfLimit: batchedTokensPerS / limitTokensPerS,
    promptTokens: batched.promptTokens,
    evaluatedTokens: batched.evaluatedTokens,
    naiveSeconds: naive.seconds,
    batchedSeconds: batched.seconds,
    limitSeconds,
    maxScoreDelta,
  };
}

interface RunSettings {
  llm: LlmModel;
  contextSize: number;
  template: PromptTemplate;
}

/** Each method alone, in a fresh one-sequence context: its whole prompt evaluated, nothing reused. */
async function scoreNaively(p: RunSettings, inputs: JudgeInput[]) {
  let seconds = 0;
  let promptTokens = 0;
  const scores: number[] = [];
  for (const input of inputs) {
    const judge = await createModelJudge({
      model: p.llm,
      sequences: 1,
      contextSize: p.contextSize,
      template: p.template,
    });
    const [r] = await judge.score([input]);
    scores.push(r?.kind === "scored" ? r.score : Number.NaN);
    seconds += judge.stats().seconds;
    promptTokens += judge.stats().promptTokens;
    await judge.dispose();
  }
  return { seconds, promptTokens, scores };
}

/** All methods in one call of a fresh judge, as the app scores a pull request's methods. */
async function scoreBatched(p: RunSettings & { sequences: number }, inputs: JudgeInput[]) {
  const { llm, sequences, contextSize, template } = p;
  const judge = await createModelJudge({ model: llm, sequences, contextSize, template });
  const results = await judge.score(inputs);
  const stats = judge.stats();
  await judge.dispose();
  const scores = results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));
  return {
    seconds: stats.seconds,
    promptTokens: stats.promptTokens,
    evaluatedTokens: stats.evaluatedTokens,
    scores,
  };
}

// llama.cpp's default batch: a stream goes through in chunks of this many tokens.
const BATCH_TOKENS = 512;

/**
 * Seconds to evaluate `tokens` tokens of the prompts' text as one stream in one sequence, the fastest of two cuts:
 * full 512-token batches, and windows as long as the longest prompt. On CPU without flash attention a longer
 * window costs more per token (attention grows with it), so neither cut alone is the machine's best.
 */
async function measureStream(llm: LlmModel, prompts: number[][], tokens: number, contextSize: number) {
  const stream = prompts.flat().slice(0, tokens);
  const longest = Math.max(...prompts.map((p) => p.length));
  const evaluator = await createNextTokenEvaluator(llm, { sequences: 1, contextSize });
  const target = llm.tokenize("1");
  let best = Number.POSITIVE_INFINITY;
  try {
    for (const window of new Set([Math.min(contextSize, BATCH_TOKENS), Math.min(contextSize, longest)])) {
      const started = performance.now();
      let evaluated = 0;
      // One window at a time, each a fresh stream state: none reuses the previous one's tokens.
      for (let i = 0; i < stream.length; i += window) {
        evaluated +=
          (await evaluator.evaluate([stream.slice(i, i + window)], target))[0]?.evaluatedTokens ?? 0;
      }
      const seconds = (performance.now() - started) / 1000;
      // A window may share a first token with the previous one (reused); scale to the tokens asked for.
      best = Math.min(best, (seconds * tokens) / Math.max(1, evaluated));
    }
  } finally {
    await evaluator.dispose();
  }
  return best;
}
