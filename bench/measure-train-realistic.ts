// `java-judge train` at a real judge's size: LoRA on a Qwen2.5-Coder-0.5B-shaped checkpoint (random weights, the real
// qwen2 tokenizer transformers builds from llama.cpp's ggml-vocab-qwen2.gguf), a few steps of the whole pipeline
// (train, merge, convert to q8_0) on whatever torch finds: the CPU here, CUDA on a GPU machine.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureTrainingPython } from "../src/training/ensure-training-python.js";
import { trainJudge } from "../src/training/train-judge.js";
import { buildReviewInputs } from "../test/model/judge-workloads.js";
import { buildRealVocabCheckpoint, type CheckpointShape } from "../test/training/real-vocab-checkpoint.js";

export interface TrainRealisticParams {
  /** Training examples (real methods of test/fixtures/java, labels alternating); one epoch. */
  examples: number;
  batchSize: number;
  shape: CheckpointShape;
  /** Where the checkpoint is cached (~1 GB for the 0.5B shape in bf16). */
  cacheDir: string | undefined;
  onProgress: (message: string) => void;
}

export interface TrainRealisticFigures {
  params: number;
  tokenizer: string;
  device: string;
  examples: number;
  batchSize: number;
  /** Mean tokens an example (prompt + label), as the trainer read them. */
  tokensPerExample: number;
  lora: {
    tokensPerS: number | null;
    examplesPerS: number | null;
    peakRssMB: number | null;
    peakGpuMB: number | null;
  };
  trainS: number;
  mergeS: number;
  convertS: number;
  ggufMB: number;
  /** What the LoRA rate means for a team's first judge: hours of one epoch over 10,000 examples. */
  hoursPer10kExamples: number | null;
  checkpointS: number;
}

export async function measureTrainRealistic(p: TrainRealisticParams): Promise<TrainRealisticFigures> {
  const { python } = await ensureTrainingPython({ log: p.onProgress });
  const built = performance.now();
  p.onProgress(
    `train-realistic: the checkpoint (hidden ${p.shape.hidden}, ${p.shape.layers} layers, qwen2 vocab)`,
  );
  const checkpoint = await buildRealVocabCheckpoint({
    python,
    vocab: "qwen2",
    arch: "qwen2",
    shape: p.shape,
    ...(p.cacheDir === undefined ? {} : { cacheDir: p.cacheDir }),
  });
  const checkpointS = (performance.now() - built) / 1000;

  const inputs = await buildReviewInputs(p.examples);
  if (inputs.length < p.examples)
    throw new Error(`only ${inputs.length} fixture methods, wanted ${p.examples}`);
  const work = await mkdtemp(join(tmpdir(), "java-judge-bench-train-"));
  const savedCatalog = process.env.JUDGE_LOCAL_CATALOG;
  process.env.JUDGE_LOCAL_CATALOG = join(work, "models.local.json");
  try {
    const lines = inputs.map((input, i) => ({
      id: `m${i}`,
      task: input.description ?? `Method ${input.name}.`,
      code: input.code,
      label: i % 2 === 0 ? 1 : 0,
      key: `bench:${i}`,
    }));
    await writeFile(join(work, "train.jsonl"), lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
    p.onProgress(
      `train-realistic: LoRA on ${p.examples} examples, batch ${p.batchSize}, then merge and convert (q8_0)`,
    );
    const summary = await trainJudge({
      base: checkpoint.dir,
      data: work,
      out: join(work, "judge.gguf"),
      name: "bench-train-realistic",
      epochs: 1,
      loraRank: 8,
      full: false,
      batchSize: p.batchSize,
      maxTokens: 4096,
      outtype: "q8_0",
      seed: 0,
      log: p.onProgress,
      onPythonOutput: (chunk) => process.stderr.write(chunk),
    });
    const rate = summary.throughput.examplesPerSecond;
    return {
      params: checkpoint.parameters,
      tokenizer: `qwen2 (llama.cpp ggml-vocab-qwen2.gguf through transformers, ${checkpoint.vocabSize} tokens)`,
      device: summary.device,
      examples: summary.data.train,
      batchSize: p.batchSize,
      tokensPerExample: Math.round(summary.throughput.trainTokens / Math.max(1, summary.data.train)),
      lora: {
        tokensPerS: summary.throughput.tokensPerSecond,
        examplesPerS: rate,
        peakRssMB: summary.throughput.peakRssMB,
        peakGpuMB: summary.throughput.peakGpuMB,
      },
      trainS: summary.seconds.train,
      mergeS: summary.seconds.merge,
      convertS: summary.seconds.convert,
      ggufMB: Math.round((summary.model.bytes / 2 ** 20) * 10) / 10,
      hoursPer10kExamples: rate ? Math.round((10_000 / rate / 3600) * 10) / 10 : null,
      checkpointS,
    };
  } finally {
    if (savedCatalog === undefined) delete process.env.JUDGE_LOCAL_CATALOG;
    else process.env.JUDGE_LOCAL_CATALOG = savedCatalog;
    await rm(work, { recursive: true, force: true });
  }
}
