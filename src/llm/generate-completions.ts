import { LlamaCompletion } from "node-llama-cpp";
import { ContextTooSmallError } from "./llm-errors.js";
import type { LlmModel } from "./llm-model.js";
import { threadCountOf } from "./resolve-thread-count.js";

export interface GenerateCompletionsParams {
  model: LlmModel;
  prompt: string;
  /** Completions to sample; default 10 (the paper's N). */
  n?: number;
  /** Sampling temperature; default 0.8. 0 is greedy: every completion is the same. */
  temperature?: number;
  /** Completion i is sampled with seed + i, so a run can be reproduced; default 1. */
  seed?: number;
  /** Tokens each completion may generate; default 512. */
  maxTokens?: number;
  topP?: number;
  topK?: number;
  /** Texts that end a completion (not included in it); default the closing code fence. */
  stop?: string[];
  /** CPU threads; default LLAMA_THREADS, else 1 for small models (< 256 MB), else the machine's math cores. */
  threads?: number;
  signal?: AbortSignal;
}

export interface Completion {
  text: string;
  /** Tokens generated. */
  tokens: number;
  /** "maxTokens" when the limit cut it off. */
  stopReason: "eogToken" | "stopGenerationTrigger" | "customStopTrigger" | "maxTokens" | "abort";
}

export interface CompletionBatch {
  completions: Completion[];
  promptTokens: number;
  /** Tokens generated, all completions together. */
  generatedTokens: number;
  seconds: number;
}

/**
 * Samples N completions of one prompt, one after another in one sequence of a context made for this
 * call (and freed after it): the prompt is evaluated once and reused, and a fixed order keeps runs
 * reproducible, which sampling in parallel sequences (batched float sums) would not guarantee.
 */
export async function generateCompletions(params: GenerateCompletionsParams): Promise<CompletionBatch> {
  const { model, prompt } = params;
  const n = params.n ?? 10;
  const maxTokens = params.maxTokens ?? 512;
  if (!Number.isInteger(n) || n < 1) throw new Error(`completions: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new Error(`completions: maxTokens must be a positive integer, got ${maxTokens}`);
  }
  const promptTokens = model.tokenize(prompt).length + 1; // + BOS
  const needed = promptTokens + maxTokens;
  if (needed > model.trainContextSize) throw new ContextTooSmallError(needed, model.trainContextSize);
  const started = performance.now();
  const context = await model.model.createContext({
    contextSize: needed,
    sequences: 1,
    flashAttention: false,
    threads: params.threads ?? threadCountOf(model),
  });
  const completion = new LlamaCompletion({
    contextSequence: context.getSequence(),
    autoDisposeSequence: true,
  });
  try {
    const completions: Completion[] = [];
    for (let i = 0; i < n; i++) {
      const tokens: number[] = [];
      const { response, metadata } = await completion.generateCompletionWithMeta(prompt, {
        maxTokens,
        temperature: params.temperature ?? 0.8,
        seed: (params.seed ?? 1) + i,
        ...(params.topP === undefined ? {} : { topP: params.topP }),
        ...(params.topK === undefined ? {} : { topK: params.topK }),
        customStopTriggers: params.stop ?? ["\n```"],
        // The limit is the limit: no context shift that would quietly drop the start of the prompt.
        disableContextShift: true,
        onToken: (t) => {
          tokens.push(...t);
        },
        ...(params.signal === undefined ? {} : { signal: params.signal }),
      });
      // node-llama-cpp completes a token that ends inside a UTF-8 character even past maxTokens; cut it.
      const over = tokens.length > maxTokens;
      completions.push({
        text: over ? model.detokenize(tokens.slice(0, maxTokens)) : response,
        tokens: Math.min(tokens.length, maxTokens),
        stopReason: over ? "maxTokens" : metadata.stopReason,
      });
    }
    const generatedTokens = completions.reduce((sum, c) => sum + c.tokens, 0);
    return { completions, promptTokens, generatedTokens, seconds: (performance.now() - started) / 1000 };
  } finally {
    completion.dispose();
    await context.dispose();
  }
}
