// A judge and a generator of a real judge's size (Qwen2.5-Coder-0.5B's shape, generated): what a review costs there.
import { loadavg } from "node:os";
import { buildGeneratorPrompt } from "../src/generator/build-generator-prompt.js";
import { createModelJudge } from "../src/judge/create-model-judge.js";
import { createPromptEncoder } from "../src/judge/create-prompt-encoder.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../src/judge/prompt-template.js";
import type { JudgeInput } from "../src/judge/types.js";
import { createNextTokenEvaluator, defaultSequences } from "../src/llm/create-next-token-evaluator.js";
import { generateCompletions } from "../src/llm/generate-completions.js";
import type { LlamaGpuSetting } from "../src/llm/get-llama-runtime.js";
import type { LlmModel } from "../src/llm/llm-model.js";
import { loadModel } from "../src/llm/load-model.js";
import { threadCountOf } from "../src/llm/resolve-thread-count.js";
import { chunkStream, median, type Run, timed } from "../test/model/judge-throughput.js";
import { buildReviewInputs } from "../test/model/judge-workloads.js";
import { type LoadAverageSummary, sampleLoadAverage } from "./sample-load-average.js";

export interface RealisticParams {
  modelPath: string;
  /** Methods of the review workload. */
  methods: number;
  /** Sequences of the judge, one run each (a sweep); undefined: the judge's own default. */
  sequences: number[] | undefined;
  contextSize: number;
  /** The limit's stream is cut into prompts of this many tokens (llama.cpp's batch). */
  limitChunkTokens: number;
  rounds: number;
  /** llama.cpp's batch of the judge's context; undefined: node-llama-cpp's default (512). */
  batchSize: number | undefined;
  completions: number;
  /** Tokens each completion generates (at most: an end-of-text token ends one early). */
  completionTokens: number;
  gpu: LlamaGpuSetting;
  onProgress: (message: string) => void;
}

export interface RealisticJudgeRun {
  sequences: number;
  methodsPerS: number;
  /** evaluatedTokens / seconds. */
  tokensPerS: number;
  /** tokensPerS / limitTokensPerS. */
  fractionOfLimit: number;
  /**
   * The same ratio in tokens per CPU-second (all threads): on a shared machine whose load changes between the judge
   * and the limit, the less disturbed of the two (spinning llama.cpp threads count as CPU too).
   */
  fractionOfLimitCpu: number;
  evaluatedTokens: number;
  /** Median over the rounds, scoring only (context creation not counted). */
  seconds: number;
  cpuSeconds: number;
}

export interface RealisticFigures {
  /** Weights in the file (a tied output head counted once). */
  params: number;
  fileMB: number;
  judge: RealisticJudgeRun & {
    limitTokensPerS: number;
    /**
     * One 2-token prompt, median of 5: the fixed cost of every scored prompt (a forward pass that reads all the
     * weights, the output head, node-llama-cpp's probabilities of the whole vocabulary). Tokens/s do not show it.
     */
    perPromptMs: number;
    limitSeconds: number;
    limitCpuSeconds: number;
    methods: number;
    promptTokens: number;
    skipped: number;
    threads: number;
    contextSize: number;
    /** null: node-llama-cpp's default. */
    batchSize: number | null;
    limitChunkTokens: number;
    rounds: number;
  };
  /** Every sequence count measured (with a --sequences list), the best one is `judge`. */
  sweep: RealisticJudgeRun[];
  generator: {
    /** generatedTokens / seconds of the whole call: context, the prompt once, then the completions. */
    tokensPerS: number;
    completions: number;
    maxTokens: number;
    generatedTokens: number;
    promptTokens: number;
    seconds: number;
    threads: number;
  };
  /** The process's peak resident memory (the model is memory-mapped: its pages count once touched). */
  peakRssMB: number;
  loadAverage: { atStart: number; during: LoadAverageSummary };
}

/**
 * The review workload scored by the judge as the app runs it (one run per sequence count), side by side with the
 * limit: llama.cpp evaluating as many tokens as the judge did, as one stream cut into batch-sized prompts of one
 * sequence, same context size and threads. Rounds alternate judge-limit and limit-judge, so load on a shared
 * machine falls on both; figures are medians. Then the generator: `completions` completions of one prompt.
 */
export async function measureRealistic(p: RealisticParams): Promise<RealisticFigures> {
  const atStart = loadavg()[0] ?? 0;
  const load = sampleLoadAverage();
  const llm = await loadModel({ path: p.modelPath, gpu: p.gpu });
  try {
    const inputs = await buildReviewInputs(p.methods);
    const judge = await measureJudgeAgainstLimit(llm, inputs, p);
    const generator = await measureGenerator(llm, inputs[0] as JudgeInput, p);
    return {
      params: countParams(llm),
      fileMB: llm.file.sizeBytes / 1e6,
      ...judge,
      generator,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      loadAverage: { atStart, during: load.stop() },
    };
  } finally {
    await llm.dispose();
  }
}

async function measureJudgeAgainstLimit(llm: LlmModel, inputs: JudgeInput[], p: RealisticParams) {
  const log = p.onProgress;
  const sweep = p.sequences ?? [defaultSequences(llm)];
  const encoder = createPromptEncoder(DEFAULT_PROMPT_TEMPLATE, llm);
  const prompts = inputs.map((i) => encoder.tokens(i));
  const promptTokens = prompts.reduce((n, t) => n + t.length, 0);
  log(`realistic: warm-up (pages the model in)`);
  const warmUp = await createModelJudge({ model: llm, contextSize: p.contextSize, sequences: 1 });
  await warmUp.score(inputs.slice(0, 1));
  await warmUp.dispose();

  const runs = new Map<number, Run[]>(sweep.map((s) => [s, []]));
  const evaluated = new Map<number, number>();
  const limits: Run[] = [];
  let skipped = 0;
  const judgeRuns = async (round: number) => {
    for (const sequences of sweep) {
      log(`realistic round ${round}/${p.rounds}: judge, ${inputs.length} methods, ${sequences} sequence(s)`);
      const judge = await createModelJudge({
        model: llm,
        contextSize: p.contextSize,
        sequences,
        ...(p.batchSize === undefined ? {} : { batchSize: p.batchSize }),
      });
      const run = await timed(() => judge.score(inputs));
      skipped = run.value.filter((r) => r.kind === "skipped").length;
      evaluated.set(sequences, judge.stats().evaluatedTokens);
      await judge.dispose();
      runs.get(sequences)?.push(run);
    }
  };
  const limitRun = async (round: number) => {
    const tokens = evaluated.get(sweep[0] as number) ?? 0;
    log(`realistic round ${round}/${p.rounds}: limit, ${tokens} tokens as one stream`);
    const stream = await createNextTokenEvaluator(llm, {
      contextSize: p.contextSize,
      sequences: 1,
      reusePrefix: false,
      flashAttention: false,
    });
    const chunks = chunkStream(prompts, tokens, Math.min(p.limitChunkTokens, stream.contextSize));
    limits.push(await timed(() => stream.evaluate(chunks, [0])));
    await stream.dispose();
  };
  // Judge then limit, then limit then judge: a load that rises or falls through the run falls on both alike.
  for (let round = 1; round <= p.rounds; round++) {
    if (round % 2 === 1) {
      await judgeRuns(round);
      await limitRun(round);
    } else {
      await limitRun(round);
      await judgeRuns(round);
    }
  }
  const perPromptMs = await measurePerPrompt(llm, prompts[0] ?? [], p.contextSize);
  const limitTokens = evaluated.get(sweep[0] as number) ?? 0;
  const limitSeconds = median(limits.map((r) => r.seconds));
  const limitTokensPerS = limitTokens / limitSeconds;
  const limitCpuSeconds = median(limits.map((r) => r.cpuSeconds));
  const results = sweep.map((sequences): RealisticJudgeRun => {
    const samples = runs.get(sequences) ?? [];
    const seconds = median(samples.map((r) => r.seconds));
    const evaluatedTokens = evaluated.get(sequences) ?? 0;
    const cpuSeconds = median(samples.map((r) => r.cpuSeconds));
    return {
      sequences,
      methodsPerS: (inputs.length - skipped) / seconds,
      tokensPerS: evaluatedTokens / seconds,
      fractionOfLimit: evaluatedTokens / seconds / limitTokensPerS,
      fractionOfLimitCpu: evaluatedTokens / cpuSeconds / (limitTokens / limitCpuSeconds),
      evaluatedTokens,
      seconds,
      cpuSeconds,
    };
  });
  const best = results.reduce((a, b) => (b.methodsPerS > a.methodsPerS ? b : a));
  return {
    judge: {
      ...best,
      limitTokensPerS,
      perPromptMs,
      limitSeconds,
      limitCpuSeconds,
      methods: inputs.length,
      promptTokens,
      skipped,
      threads: threadCountOf(llm),
      contextSize: p.contextSize,
      batchSize: p.batchSize ?? null,
      limitChunkTokens: p.limitChunkTokens,
      rounds: p.rounds,
    },
    sweep: results,
  };
}

async function measurePerPrompt(llm: LlmModel, prompt: number[], contextSize: number): Promise<number> {
  const evaluator = await createNextTokenEvaluator(llm, { contextSize, sequences: 1, reusePrefix: false });
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++)
      times.push((await timed(() => evaluator.evaluate([prompt.slice(0, 2)], [0]))).seconds);
    return median(times) * 1000;
  } finally {
    await evaluator.dispose();
  }
}

async function measureGenerator(llm: LlmModel, method: JudgeInput, p: RealisticParams) {
  const built = buildGeneratorPrompt({
    ...method,
    context: { imports: [], fields: [], siblingSignatures: [] },
    maxTokens: p.contextSize - p.completionTokens - 1,
    countTokens: (text) => llm.tokenize(text).length,
  });
  if (!built.ok) throw new Error(`realistic: generator prompt: ${built.reason}`);
  const threads = threadCountOf(llm);
  p.onProgress(`realistic: generator, ${p.completions} completions of up to ${p.completionTokens} tokens`);
  const batch = await generateCompletions({
    model: llm,
    prompt: built.prompt,
    n: p.completions,
    maxTokens: p.completionTokens,
    // No stop text: random weights rarely write one, and every completion should run its full length.
    stop: [],
    threads,
  });
  return {
    tokensPerS: batch.generatedTokens / batch.seconds,
    completions: p.completions,
    maxTokens: p.completionTokens,
    generatedTokens: batch.generatedTokens,
    promptTokens: batch.promptTokens,
    seconds: batch.seconds,
    threads,
  };
}

/** Elements of every tensor in the file, as a model card counts parameters. */
function countParams(llm: LlmModel): number {
  const tensors = llm.model.fileInfo.fullTensorInfo ?? llm.model.fileInfo.tensorInfo ?? [];
  return tensors.reduce((n, t) => n + t.dimensions.reduce((a: number, d) => a * Number(d), 1), 0);
}
