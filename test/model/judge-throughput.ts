// Judge throughput, measured side by side in one process: (a) naive, (b) the judge as the app runs it, (c) the limit.
import { buildJudgePrompt } from "../../src/judge/build-judge-prompt.js";
import { createModelJudge, type ModelJudgeParams } from "../../src/judge/create-model-judge.js";
import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate } from "../../src/judge/prompt-template.js";
import type { JudgeInput, JudgeResult } from "../../src/judge/types.js";
import { createNextTokenEvaluator, defaultSequences } from "../../src/llm/create-next-token-evaluator.js";
import type { LlamaGpuSetting } from "../../src/llm/get-llama-runtime.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";

export interface JudgeThroughputParams {
  modelPath: string;
  inputs: JudgeInput[];
  /** The batched judge's sequences; default the judge's own (1 on the CPU, 4 on a GPU). */
  sequences?: number;
  /** Tokens per sequence; default 2048. */
  contextSize?: number;
  /**
   * The limit's stream is cut into chunks of this many tokens; default the context size. On the CPU attention over
   * a full context costs more than the matrices (a 2048-token chunk runs at ~0.4x the tokens/s of 400-token ones),
   * so a batch-sized chunk (512) is the closer bound on what the machine can do.
   */
  limitChunkTokens?: number;
  /** Default the judge's own (LLAMA_THREADS, else 1 for small models). */
  threads?: number;
  batchSize?: number;
  /** Interleaved rounds (naive, batched, limit, again); each figure is the median. Default 3. */
  rounds?: number;
  template?: PromptTemplate;
  /** Default LLAMA_GPU. */
  gpu?: LlamaGpuSetting;
  onProgress?: (message: string) => void;
}

export interface JudgeThroughput {
  /** promptTokens / naiveSeconds. */
  naiveTokensPerS: number;
  /** evaluatedTokens / batchedSeconds. */
  batchedTokensPerS: number;
  /** evaluatedTokens / limitSeconds. */
  limitTokensPerS: number;
  /** naiveSeconds / batchedSeconds. */
  speedupVsNaive: number;
  /** batchedTokensPerS / limitTokensPerS. */
  fractionOfLimit: number;
  /** Tokens of the prompts scored (all of them evaluated by the naive run). */
  promptTokens: number;
  /** Tokens the batched judge evaluated (after prefix reuse). */
  evaluatedTokens: number;
  /** Medians over the rounds: scoring only (context creation is not counted, for any run). */
  naiveSeconds: number;
  batchedSeconds: number;
  limitSeconds: number;
  /** CPU seconds of the process (all threads), medians: less disturbed than wall time by others' load. */
  naiveCpuSeconds: number;
  batchedCpuSeconds: number;
  limitCpuSeconds: number;
  /** Creating and disposing one context of one sequence, median: what a fresh context per method would add. */
  contextSeconds: number;
  methods: number;
  skipped: number;
  sequences: number;
  contextSize: number;
  limitChunkTokens: number;
  rounds: number;
  /** Largest |batched score - naive score|: 0 when the batching keeps scores bit-identical. */
  maxScoreDelta: number;
}

/**
 * The same inputs scored (a) naively: one by one, each in a fresh (empty) sequence, its whole prompt evaluated;
 * (b) by the judge in one call (its plan, prefix reuse); (c) the limit: as many tokens as (b) evaluated, as one long
 * stream in one sequence, cut into chunks of the context size. Runs interleave, so load comes and goes evenly.
 */
export async function measureJudgeThroughput(params: JudgeThroughputParams): Promise<JudgeThroughput> {
  const llm = await loadModel({
    path: params.modelPath,
    ...(params.gpu === undefined ? {} : { gpu: params.gpu }),
  });
  try {
    return await measure(llm, params);
  } finally {
    await llm.dispose();
  }
}

async function measure(llm: LlmModel, params: JudgeThroughputParams): Promise<JudgeThroughput> {
  const log = params.onProgress ?? (() => {});
  const rounds = Math.max(1, params.rounds ?? 3);
  const contextSize = params.contextSize ?? 2048;
  const shared = {
    model: llm,
    contextSize,
    template: params.template ?? DEFAULT_PROMPT_TEMPLATE,
    ...(params.threads === undefined ? {} : { threads: params.threads }),
    ...(params.batchSize === undefined ? {} : { batchSize: params.batchSize }),
  } satisfies ModelJudgeParams;
  const batchedParams = {
    ...shared,
    ...(params.sequences === undefined ? {} : { sequences: params.sequences }),
  };
  const prompts = params.inputs.map((i) => llm.tokenize(buildJudgePrompt(i, shared.template)));
  const samples = { naive: [] as Run[], batched: [] as Run[], limit: [] as Run[], context: [] as number[] };
  let naiveScores: number[] = [];
  let batchedScores: number[] = [];
  let promptTokens = 0;
  let evaluatedTokens = 0;
  let skipped = 0;
  const warmUp = await createModelJudge({ ...shared, sequences: 1 });
  await warmUp.score(params.inputs.slice(0, 1));
  await warmUp.dispose();

  for (let round = 1; round <= rounds; round++) {
    log(`judge round ${round}/${rounds}: naive, ${params.inputs.length} methods one by one`);
    const naive = await createModelJudge({ ...shared, sequences: 1, reusePrefix: false });
    const a = await timed(async () => {
      const out: JudgeResult[] = [];
      for (const input of params.inputs) out.push(...(await naive.score([input])));
      return out;
    });
    promptTokens = naive.stats().promptTokens;
    naiveScores = scoresOf(a.value);
    await naive.dispose();

    log(`judge round ${round}/${rounds}: batched`);
    const started = performance.now();
    const judge = await createModelJudge(batchedParams);
    samples.context.push((performance.now() - started) / 1000);
    const b = await timed(() => judge.score(params.inputs));
    evaluatedTokens = judge.stats().evaluatedTokens;
    batchedScores = scoresOf(b.value);
    skipped = b.value.filter((r) => r.kind === "skipped").length;
    await judge.dispose();

    log(`judge round ${round}/${rounds}: limit, ${evaluatedTokens} tokens as one stream`);
    const stream = await createNextTokenEvaluator(llm, {
      ...shared,
      sequences: 1,
      reusePrefix: false,
      flashAttention: false,
    });
    const chunk = Math.min(params.limitChunkTokens ?? stream.contextSize, stream.contextSize);
    const chunks = chunkStream(prompts, evaluatedTokens, chunk);
    const c = await timed(() => stream.evaluate(chunks, [0]));
    await stream.dispose();
    samples.naive.push(a);
    samples.batched.push(b);
    samples.limit.push(c);
  }
  const naiveSeconds = median(samples.naive.map((r) => r.seconds));
  const batchedSeconds = median(samples.batched.map((r) => r.seconds));
  const limitSeconds = median(samples.limit.map((r) => r.seconds));
  const batchedTokensPerS = evaluatedTokens / batchedSeconds;
  const limitTokensPerS = evaluatedTokens / limitSeconds;
  return {
    naiveTokensPerS: promptTokens / naiveSeconds,
    batchedTokensPerS,
    limitTokensPerS,
    speedupVsNaive: naiveSeconds / batchedSeconds,
    fractionOfLimit: batchedTokensPerS / limitTokensPerS,
    promptTokens,
    evaluatedTokens,
    naiveSeconds,
    batchedSeconds,
    limitSeconds,
    naiveCpuSeconds: median(samples.naive.map((r) => r.cpuSeconds)),
    batchedCpuSeconds: median(samples.batched.map((r) => r.cpuSeconds)),
    limitCpuSeconds: median(samples.limit.map((r) => r.cpuSeconds)),
    contextSeconds: median(samples.context),
    methods: params.inputs.length,
    skipped,
    sequences: params.sequences ?? defaultSequences(llm),
    contextSize,
    limitChunkTokens: Math.min(params.limitChunkTokens ?? contextSize, contextSize),
    rounds,
    maxScoreDelta: maxDelta(batchedScores, naiveScores),
  };
}

export interface Run {
  seconds: number;
  cpuSeconds: number;
}

/** Wall and CPU seconds of one awaited call. */
export async function timed<T>(f: () => Promise<T>): Promise<Run & { value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await f();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** The prompts' tokens end to end (repeated if need be), `count` of them, in chunks of at most `size`. */
export function chunkStream(prompts: readonly number[][], count: number, size: number): number[][] {
  const all = prompts.flat();
  if (all.length === 0 || count <= 0) return [];
  const stream = Array.from({ length: count }, (_, i) => all[i % all.length] as number);
  const chunks: number[][] = [];
  for (let i = 0; i < stream.length; i += size) chunks.push(stream.slice(i, i + size));
  return chunks;
}

const scoresOf = (results: JudgeResult[]): number[] =>
  results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));

/** Over the inputs both runs scored (a skipped one is NaN in both). */
function maxDelta(a: number[], b: number[]): number {
  return a.reduce((d, x, i) => {
    const y = b[i] ?? Number.NaN;
    return Number.isNaN(x) && Number.isNaN(y) ? d : Math.max(d, Math.abs(x - y));
  }, 0);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
