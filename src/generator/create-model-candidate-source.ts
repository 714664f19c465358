import { generateCompletions } from "../llm/generate-completions.js";
import type { LlmModel } from "../llm/llm-model.js";
import type { CandidateSource } from "./types.js";

export interface ModelCandidateSourceOptions {
  /** Tokens each candidate may take; default 768 (a long method, with room to spare). */
  maxTokens?: number;
  /** Default 0.8, the paper's sampling temperature for N candidates. */
  temperature?: number;
  /** Prompt + answer; default min(the model's training context, 4096). */
  contextSize?: number;
  /** CPU threads; default the one policy (LLAMA_THREADS, else 1 for small models, else the math cores). */
  threads?: number;
}

/** The generator model as a candidate source: its tokenizer counts the prompt, llama.cpp samples. */
export function createModelCandidateSource(
  model: LlmModel,
  options: ModelCandidateSourceOptions = {},
): CandidateSource {
  const maxTokens = options.maxTokens ?? 768;
  const contextSize = Math.min(options.contextSize ?? 4096, model.trainContextSize);
  return {
    name: model.name,
    // +1: generateCompletions counts the BOS token the prompt starts with.
    maxPromptTokens: Math.max(0, contextSize - maxTokens - 1),
    countTokens: (text) => model.tokenize(text).length,
    async generate({ prompt, n, seed, signal }) {
      const batch = await generateCompletions({
        model,
        prompt,
        n,
        seed,
        maxTokens,
        temperature: options.temperature ?? 0.8,
        ...(options.threads === undefined ? {} : { threads: options.threads }),
        ...(signal === undefined ? {} : { signal }),
      });
      return batch.completions.map((c) => c.text);
    },
  };
}
