// `npm run bench [-- --json] [-- --quick]`: every benchmark side by side in one run; progress on stderr.
import { existsSync } from "node:fs";
import { cpus, homedir, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { describeError, UsageError } from "../src/errors.js";
import { createModelJudge } from "../src/judge/create-model-judge.js";
import { getLlamaRuntime, type LlamaGpuSetting, parseLlamaGpu } from "../src/llm/get-llama-runtime.js";
import { loadModel } from "../src/llm/load-model.js";
import { QWEN2_0_5B_REAL_VOCAB_PARAMS, writeRealVocabGguf } from "../test/model/write-real-vocab-gguf.js";
import { BENCH_MODEL_PARAMS, TINY_QWEN2_PARAMS, writeTinyGguf } from "../test/model/write-tiny-gguf.js";
import { QWEN2_0_5B_SHAPE } from "../test/training/real-vocab-checkpoint.js";
import { buildJavaCorpus } from "./build-java-corpus.js";
import { measureExplain } from "./measure-explain.js";
import { measureExtraction } from "./measure-extraction.js";
import { measureFairness } from "./measure-fairness.js";
import { measureIncremental } from "./measure-incremental.js";
import { measureJudge } from "./measure-judge.js";
import { measureRealistic } from "./measure-realistic.js";
import { measureTrainRealistic } from "./measure-train-realistic.js";
import { measureWebhook } from "./measure-webhook.js";
import { type BenchOptions, parseBenchArgs } from "./parse-bench-args.js";
import { renderBenchText } from "./render-bench-text.js";
import { sampleLoadAverage } from "./sample-load-average.js";

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

async function runBench(o: BenchOptions): Promise<Record<string, unknown>> {
  const load = sampleLoadAverage();
  const gpu = parseLlamaGpu(process.env.LLAMA_GPU);
  const machine: Record<string, unknown> = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg()[0],
    node: process.version,
    llamaGpu: gpu === false ? "false" : gpu,
    quick: o.quick,
  };
  const result: Record<string, unknown> = { machine };
  if (o.sections.has("extraction")) {
    const corpus = buildJavaCorpus(o.corpusBytes);
    log(`extraction: ${(o.corpusBytes / 1e6).toFixed(2)} MB, ours and java-parser`);
    result.extraction = await measureExtraction(corpus);
  }
  if (o.sections.has("judge") || o.sections.has("incremental")) {
    const shape = o.judgeModel === "bench" ? BENCH_MODEL_PARAMS : {};
    const modelPath = await writeTinyGguf({ ...shape, seed: 3 });
    if (o.sections.has("judge")) {
      log(`judge: review, ranking and preamble workloads on the ${o.judgeModel} model`);
      const figures = await measureJudge({
        modelPath,
        reviewMethods: o.judgeMethods,
        rankingMethods: o.rankingMethods,
        candidates: o.candidates,
        sequences: o.sequences,
        contextSize: o.contextSize,
        limitChunkTokens: o.limitChunkTokens,
        rounds: o.rounds,
        // Each naive prompt carries the whole preamble, so a round takes a minute here: two are enough.
        preambleRounds: Math.min(2, o.rounds),
        gpu,
        onProgress: log,
      });
      result.judge = {
        model: o.judgeModel === "bench" ? { ...BENCH_MODEL_PARAMS, approxParams: "14M" } : "tiny (dim 64)",
        ...figures.judge,
      };
      result.judgeRanking = figures.judgeRanking;
      result.judgePreamble = figures.judgePreamble;
    }
    if (o.sections.has("incremental")) {
      log(`incremental: ${o.incrementalMethods} changed methods, then a push changing one`);
      const llm = await loadModel({ path: modelPath, gpu });
      try {
        result.incremental = await measureIncremental({ llm, methods: o.incrementalMethods });
      } finally {
        await llm.dispose();
      }
    }
  }
  if (o.sections.has("realistic")) result.realistic = await runRealistic(o, gpu);
  if (o.sections.has("explain")) result.explain = await runExplain(o, gpu);
  if (o.sections.has("train-realistic")) result.trainRealistic = await runTrainRealistic(o);
  if (o.sections.has("fairness")) result.fairness = await runFairness(o, gpu);
  if (o.sections.has("webhook")) {
    result.webhook = await measureWebhook({
      deliveries: o.deliveries,
      concurrency: o.concurrency,
      onProgress: log,
    });
  }
  machine.loadAverageDuring = load.stop();
  result.benchPeakRssMB = process.resourceUsage().maxRSS / 1024;
  return result;
}

/** The tiny qwen2 of --quick: the same code path in seconds. */
const TINY_QWEN2 = { ...TINY_QWEN2_PARAMS, vocabSize: 4096 };

/** Outside the repository and the temp dir: the realistic model is written once (~5 s, ~530 MB), reused by every later run. */
function realisticCacheDir(o: BenchOptions): string | undefined {
  return o.realisticModel === "tiny"
    ? undefined
    : join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "java-judge", "bench");
}

/** The 0.5B shape on llama.cpp's ggml-vocab-qwen2.gguf (151,936 tokens, Qwen's merges: real token counts), or --quick's tiny one. */
async function writeRealisticModel(o: BenchOptions, what: string): Promise<string> {
  const tiny = o.realisticModel === "tiny";
  const cacheDir = realisticCacheDir(o);
  log(
    `${what}: the ${o.realisticModel} model (qwen2, q8_0, ${tiny ? "a tiny padded" : "Qwen2's real"} vocabulary)` +
      `${cacheDir ? ` in ${cacheDir}` : ""}`,
  );
  return tiny
    ? await writeTinyGguf(TINY_QWEN2)
    : await writeRealVocabGguf({
        ...QWEN2_0_5B_REAL_VOCAB_PARAMS,
        ...(cacheDir === undefined ? {} : { cacheDir }),
      });
}

async function runRealistic(o: BenchOptions, gpu: LlamaGpuSetting) {
  const tiny = o.realisticModel === "tiny";
  const started = performance.now();
  const modelPath = await writeRealisticModel(o, "realistic");
  const modelSeconds = (performance.now() - started) / 1000;
  // Sizes that keep a CPU run within ~3 minutes; a GPU does the full review workload.
  const onCpu = gpu === false || (await getLlamaRuntime(gpu)).gpu === false;
  const figures = await measureRealistic({
    modelPath,
    methods: o.realisticMethods ?? (onCpu ? 3 : 32),
    sequences: o.sequenceSweep,
    contextSize: o.contextSize ?? 2048,
    limitChunkTokens: o.limitChunkTokens,
    rounds: o.realisticRounds ?? (onCpu ? 2 : 3),
    batchSize: o.batchSize,
    completions: o.completions,
    completionTokens: o.completionTokens ?? (onCpu ? 32 : 128),
    gpu,
    onProgress: log,
  });
  const { contextLength: _, ...model } = tiny ? TINY_QWEN2 : QWEN2_0_5B_REAL_VOCAB_PARAMS;
  const vocabulary = tiny
    ? {}
    : { vocabSize: 151936, tokenizer: "qwen2 (llama.cpp's ggml-vocab-qwen2.gguf)" };
  return { model: { ...model, ...vocabulary, path: modelPath, modelSeconds }, ...figures };
}

/** Occlusion on the realistic model (its file cached as `realistic` caches it): 4 methods on the CPU, 16 on a GPU. */
async function runExplain(o: BenchOptions, gpu: LlamaGpuSetting) {
  const modelPath = await writeRealisticModel(o, "explain");
  const onCpu = gpu === false || (await getLlamaRuntime(gpu)).gpu === false;
  const figures = await measureExplain({
    modelPath,
    methods: o.realisticMethods ?? (onCpu ? 4 : 16),
    contextSize: o.contextSize ?? 2048,
    gpu,
    onProgress: log,
  });
  return { model: o.realisticModel, ...figures };
}

/** LoRA at Qwen2.5-Coder-0.5B's shape (the tiny shape with --quick or --realistic-model tiny), on torch's device. */
async function runTrainRealistic(o: BenchOptions) {
  // torch picks CUDA where there is one; the sizes follow it (a CPU run stays within minutes).
  const gpu = existsSync("/dev/nvidia0");
  return measureTrainRealistic({
    examples: o.trainExamples ?? (gpu ? 128 : 8),
    batchSize: o.trainBatch ?? (gpu ? 16 : 4),
    shape: o.realisticModel === "tiny" ? TINY_TRAIN_SHAPE : QWEN2_0_5B_SHAPE,
    // The 0.5B checkpoint (~1 GB in bf16) is built once and kept beside the realistic GGUF.
    cacheDir: realisticCacheDir(o),
    onProgress: log,
  });
}

const TINY_TRAIN_SHAPE = {
  hidden: 64,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  intermediate: 128,
  tied: true,
  saveDtype: "float32",
} as const;

async function runFairness(o: BenchOptions, gpu: LlamaGpuSetting) {
  // The 0.5B shape is the realistic section's model (Qwen2's real vocabulary, the same cached file).
  const modelPath =
    o.fairnessModel === "qwen2-0.5b"
      ? await writeRealisticModel({ ...o, realisticModel: "qwen2-0.5b" }, "fairness")
      : await writeTinyGguf(o.fairnessModel === "bench" ? BENCH_MODEL_PARAMS : TINY_QWEN2);
  log(`fairness: the ${o.fairnessModel} model, ${o.fairnessMethods} methods then 3 one-method PRs`);
  const llm = await loadModel({ path: modelPath, gpu });
  try {
    const judge = await createModelJudge({
      model: llm,
      contextSize: o.contextSize ?? 2048,
      name: o.fairnessModel,
    });
    // Warm the model up (first evaluation), so the first measured run pays no more than the others.
    await judge.score([
      { description: null, signature: "int f()", code: "int f() { return 1; }", className: "W", name: "f" },
    ]);
    return {
      model: o.fairnessModel,
      ...(await measureFairness({
        judge,
        largeMethods: o.fairnessMethods,
        ...(o.sliceMethods === undefined ? {} : { sliceMethods: o.sliceMethods }),
        onProgress: log,
      })),
    };
  } finally {
    await llm.dispose();
  }
}

try {
  const options = parseBenchArgs(process.argv.slice(2));
  const result = await runBench(options);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderBenchText(result));
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench: ${describeError(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
