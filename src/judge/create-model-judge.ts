import { createNextTokenEvaluator, type NextTokenResult } from "../llm/create-next-token-evaluator.js";
import { ContextTooSmallError } from "../llm/llm-errors.js";
import type { LlmModel } from "../llm/llm-model.js";
import { loadModel } from "../llm/load-model.js";
import { buildJudgePrompt } from "./build-judge-prompt.js";
import { createPromptEncoder } from "./create-prompt-encoder.js";
import { type LabelTokens, LabelTokensError } from "./find-label-tokens.js";
import { hashPrompt } from "./hash-prompt.js";
import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate } from "./prompt-template.js";
import type { Judge, JudgeInput, JudgeResult, JudgeStats } from "./types.js";

export interface ModelJudgeParams {
  /** A loaded model (the caller disposes it), or a GGUF path (the judge loads and disposes it). */
  model: LlmModel | string;
  /** Sequences of the context, evaluated together in one batch; default 1 on the CPU, 4 on a GPU. */
  sequences?: number;
  /** Tokens per sequence; default min(train context, 4096). */
  contextSize?: number;
  /** Default false: scores bit-identical whatever the batching. */
  flashAttention?: boolean;
  batchSize?: number;
  /** Default true; false evaluates every prompt whole (the naive baseline of benchmarks). */
  reusePrefix?: boolean;
  /** CPU threads; default LLAMA_THREADS, else 1 for small models, else all math cores. */
  threads?: number;
  template?: PromptTemplate;
  /** Display name; default the model's name. */
  name?: string;
}

/**
 * A judge backed by one model: score = P(correct) / (P(correct) + P(incorrect)) of the next token, each label read
 * where it first differs from the other after the prompt (src/judge/find-label-tokens.ts).
 */
export async function createModelJudge(params: ModelJudgeParams): Promise<Judge> {
  const owned = typeof params.model === "string";
  const llm = typeof params.model === "string" ? await loadModel({ path: params.model }) : params.model;
  try {
    return await buildJudge(llm, owned, params);
  } catch (error) {
    if (owned) await llm.dispose();
    throw error;
  }
}

async function buildJudge(llm: LlmModel, owned: boolean, params: ModelJudgeParams): Promise<Judge> {
  const template = params.template ?? DEFAULT_PROMPT_TEMPLATE;
  // A chat template on a model without one fails here, at load (ChatTemplateError).
  const encoder = createPromptEncoder(template, llm);
  // The template with empty inserts: the least any prompt needs, and labels that cannot work fail here, at load.
  const empty = { description: "-", signature: "", code: "", className: "", name: "" };
  let minimum: number;
  try {
    minimum = encoder.labels(empty).context.length;
  } catch (error) {
    if (error instanceof LabelTokensError) throw new LabelTokensError(`${llm.name}: ${error.message}`);
    throw error;
  }
  const evaluator = await createNextTokenEvaluator(llm, {
    ...(params.sequences === undefined ? {} : { sequences: params.sequences }),
    ...(params.contextSize === undefined ? {} : { contextSize: params.contextSize }),
    ...(params.batchSize === undefined ? {} : { batchSize: params.batchSize }),
    ...(params.threads === undefined ? {} : { threads: params.threads }),
    ...(params.reusePrefix === undefined ? {} : { reusePrefix: params.reusePrefix }),
    flashAttention: params.flashAttention ?? false,
  });
  if (minimum > evaluator.contextSize) {
    await evaluator.dispose();
    throw new ContextTooSmallError(minimum, evaluator.contextSize);
  }
  const stats: JudgeStats = { promptTokens: 0, evaluatedTokens: 0, evaluations: 0, seconds: 0 };

  return {
    // The encoder's key covers template, chat frame and BOS: where the tokens change, the cache key does.
    id: `${llm.fingerprint}:${encoder.key}`,
    models: [params.name ?? llm.name],
    promptHash: (input: JudgeInput) => hashPrompt(buildJudgePrompt(input, template)),
    async score(inputs, onProgress, signal) {
      const started = performance.now();
      const results: JudgeResult[] = new Array(inputs.length);
      const prompts: number[][] = [];
      const labels: [number, number][] = [];
      const slots: number[] = [];
      inputs.forEach((input, i) => {
        let found: LabelTokens;
        try {
          found = encoder.labels(input);
        } catch (error) {
          // The template's labels were checked at load; only this method's text can make them merge into it.
          if (!(error instanceof LabelTokensError)) throw error;
          results[i] = { kind: "skipped", reason: error.message };
          return;
        }
        if (found.context.length > evaluator.contextSize) {
          results[i] = {
            kind: "skipped",
            reason: `too long for the judge: ${found.context.length} prompt tokens, the context holds ${evaluator.contextSize}`,
          };
        } else {
          prompts.push(found.context);
          labels.push([found.correct, found.incorrect]);
          slots.push(i);
        }
      });
      let done = inputs.length - prompts.length;
      onProgress?.({ done, total: inputs.length });
      const onResult = (k: number, r: NextTokenResult) => {
        const i = slots[k] as number;
        const [p1 = 0, p0 = 0] = r.probabilities;
        const promptTokens = (prompts[k] as number[]).length;
        stats.promptTokens += promptTokens;
        stats.evaluatedTokens += r.evaluatedTokens;
        stats.evaluations += 1;
        results[i] =
          p1 + p0 > 0
            ? { kind: "scored", score: p1 / (p1 + p0), promptTokens, cached: false }
            : { kind: "skipped", reason: "the judge gives neither label any probability" };
        done += 1;
        onProgress?.({ done, total: inputs.length });
      };
      await evaluator.evaluate(prompts, labels, onResult, signal);
      stats.seconds += (performance.now() - started) / 1000;
      return results;
    },
    stats: () => ({ ...stats }),
    async dispose() {
      await evaluator.dispose();
      if (owned) await llm.dispose();
    },
  };
}
