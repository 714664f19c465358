import { UsageError } from "../errors.js";
import type { LlmModel } from "./llm-model.js";

/** Models below this size get one thread unless LLAMA_THREADS says otherwise. */
export const SMALL_MODEL_BYTES = 256 * 1024 * 1024;

/**
 * Parses LLAMA_THREADS: unset or empty = the policy below decides; 0 = the machine's math cores; N > 0 = N threads.
 * Anything else is a UsageError, which `serve`, `worker`, the CLI and the bench raise at start-up.
 */
export function parseLlamaThreads(value: string | undefined): number | undefined {
  const v = (value ?? "").trim();
  if (v === "") return undefined;
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw new UsageError(`LLAMA_THREADS=${value} is not a whole number of threads (0 = all math cores)`);
  }
  return Number(v);
}

/**
 * The thread count of every llama.cpp context (judge, generator, eval, bench): LLAMA_THREADS, else 1 for small
 * models, else the machine's math cores. llama.cpp's worker threads spin at barriers: on small matrices, and on
 * cores that are busy anyway, extra threads cost far more than they compute. Measured on 2 busy cores with tiny
 * models: one judge batch 0.1 s with 1 thread against 34 s with 4; a generator that wrote 1,600 tokens/s with
 * 1 thread did not finish 7,680 tokens in 300 s with llama.cpp's default (which made `/judge regenerate` never
 * answer on a CPU host).
 */
export function resolveThreadCount(
  model: { sizeBytes: number; mathCores: number },
  setting: string | undefined = process.env.LLAMA_THREADS,
): number {
  const mathCores = Math.max(1, model.mathCores);
  const env = parseLlamaThreads(setting);
  if (env !== undefined) return env === 0 ? mathCores : env;
  return model.sizeBytes < SMALL_MODEL_BYTES ? 1 : mathCores;
}

/** The policy for a loaded model (reads LLAMA_THREADS). */
export function threadCountOf(llm: LlmModel): number {
  return resolveThreadCount({ sizeBytes: llm.file.sizeBytes, mathCores: llm.llama.cpuMathCores });
}
