import { InvalidArgumentError } from "commander";
import { UsageError } from "../errors.js";
import type { OpenJudgeParams } from "../judge/open-judge.js";
import { parseLlamaGpu } from "../llm/get-llama-runtime.js";
import { parseLlamaThreads } from "../llm/resolve-thread-count.js";

export function parseIntegerOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

/** --model (else JUDGE_MODEL), --sequences, --context-size, LLAMA_GPU; LLAMA_THREADS checked before any work. */
export function parseJudgeOptions(options: Record<string, unknown>): OpenJudgeParams {
  const model = typeof options.model === "string" ? options.model : process.env.JUDGE_MODEL;
  if (!model)
    throw new UsageError("no judge model: pass --model PATH|NAME or set JUDGE_MODEL (see models/README.md)");
  parseLlamaThreads(process.env.LLAMA_THREADS);
  return {
    model,
    gpu: parseLlamaGpu(process.env.LLAMA_GPU),
    ...(typeof options.sequences === "number" ? { sequences: options.sequences } : {}),
    ...(typeof options.contextSize === "number" ? { contextSize: options.contextSize } : {}),
  };
}
