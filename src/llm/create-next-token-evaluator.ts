import { type LlamaContext, type LlamaContextSequence, type Token, TokenBias } from "node-llama-cpp";
import { ContextTooSmallError } from "./llm-errors.js";
import type { LlmModel } from "./llm-model.js";
import { planSequenceWork } from "./plan-sequence-work.js";
import { threadCountOf } from "./resolve-thread-count.js";
import { splitEvaluation } from "./split-evaluation.js";

export interface NextTokenEvaluatorOptions {
  /** Tokens per sequence; default min(train context, 4096). */
  contextSize?: number;
  /**
   * Sequences of the one context that llama.cpp evaluates in one batch. Default: 1 on the CPU (a CPU is already
   * saturated by one prompt, so more sequences only cut prefix reuse and cost bit-identity), 4 on a GPU.
   */
  sequences?: number;
  /** false where scores must be bit-identical whatever the batching and prefix reuse. Default false. */
  flashAttention?: boolean;
  /** Tokens per llama.cpp batch; default node-llama-cpp's (512). */
  batchSize?: number;
  /** Keep the prefix a sequence already holds (default true); false evaluates every prompt whole (baselines). */
  reusePrefix?: boolean;
  /** CPU threads; default LLAMA_THREADS, else 1 for small models (< 256 MB), else the machine's math cores. */
  threads?: number;
  /** How far the targets' logits are raised (TARGET_LOGIT_BOOST); smaller only to test the fallback. */
  targetLogitBoost?: number;
}

export interface NextTokenResult {
  /**
   * The target tokens' probabilities after the whole prompt, relative to one another: P(target) / sum of the
   * targets' P (the ratios of the full next-token distribution; see TARGET_LOGIT_BOOST).
   */
  probabilities: number[];
  /** Tokens evaluated for this prompt (the prompt minus the prefix reused from the sequence's state). */
  evaluatedTokens: number;
}

export type TargetTokens = readonly number[] | readonly (readonly number[])[];

/**
 * Full next-token probabilities cost a sort and a JS Map of the whole vocabulary per prompt (measured ~100-190 ms a
 * prompt at Qwen's 151,936 tokens, on a CPU: most of a prompt's time on a GPU). Only the targets' ratio is needed, so
 * every target's logit is raised by the same amount and only the top `targets.length` tokens are kept: llama.cpp then
 * returns the targets alone, softmaxed among themselves, which keeps their ratios (up to the float32 rounding of the
 * raised logits, ~1e-6) and, unlike the full softmax, never underflows to 0/0 for targets far below the best token.
 * A target still outside the top (more than this below the best token) is caught and its batch evaluated again whole.
 */
const TARGET_LOGIT_BOOST = 100;

/** Plain data in and out: token ids in, next-token probabilities out. Owns one context and its sequences. */
export interface NextTokenEvaluator {
  readonly contextSize: number;
  readonly sequences: number;
  /**
   * `targets`: the tokens whose probabilities to return, the same for every prompt (a flat list) or one list per
   * prompt (the judge's label tokens depend on the text before them, see src/judge/find-label-tokens.ts).
   *
   * `signal` is checked before each llama.cpp batch (one evaluate call cannot be interrupted mid-batch), and an
   * abort rejects with its reason; the sequences stay usable for the next call.
   */
  evaluate(
    prompts: number[][],
    targets: TargetTokens,
    onResult?: (index: number, result: NextTokenResult) => void,
    signal?: AbortSignal,
  ): Promise<NextTokenResult[]>;
  dispose(): Promise<void>;
}

export async function createNextTokenEvaluator(
  llm: LlmModel,
  options: NextTokenEvaluatorOptions = {},
): Promise<NextTokenEvaluator> {
  const contextSize = options.contextSize ?? Math.min(llm.trainContextSize, 4096);
  const sequenceCount = Math.max(1, options.sequences ?? defaultSequences(llm));
  const context: LlamaContext = await llm.model.createContext({
    contextSize,
    sequences: sequenceCount,
    flashAttention: options.flashAttention ?? false,
    threads: options.threads ?? threadCountOf(llm),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  const sequences: LlamaContextSequence[] = [];
  for (let i = 0; i < sequenceCount; i++) sequences.push(context.getSequence());
  const size = sequences[0]?.contextSize ?? contextSize;
  const reusePrefix = options.reusePrefix ?? true;
  const boost = options.targetLogitBoost ?? TARGET_LOGIT_BOOST;
  // Both evaluate() calls and dispose() queue here, so two callers never share a sequence's state.
  let queue: Promise<unknown> = Promise.resolve();

  async function evaluateOne(
    seq: LlamaContextSequence,
    prompt: number[],
    targets: readonly number[],
    signal: AbortSignal | undefined,
  ) {
    if (prompt.length === 0) throw new Error("cannot evaluate an empty prompt");
    if (prompt.length > size) throw new ContextTooSmallError(prompt.length, size);
    // Keep the prefix this sequence already holds, but evaluate at least the last two tokens: the last for its
    // distribution, and never alone in a batch (see splitEvaluation), so reuse leaves the scores bit-identical.
    const common = reusePrefix ? seq.compareContextTokens(prompt as Token[]).firstDifferentIndex : 0;
    const reuse = Math.max(0, Math.min(common, prompt.length - 2));
    if (reuse < seq.nextTokenIndex)
      await seq.eraseContextTokenRanges([{ start: reuse, end: seq.nextTokenIndex }]);
    const rest = prompt.slice(reuse) as Token[];
    const sizes = splitEvaluation(rest.length, context.batchSize);
    let at = 0;
    for (const n of sizes.slice(0, -1)) {
      signal?.throwIfAborted();
      await seq.controlledEvaluate(rest.slice(at, at + n));
      at += n;
    }
    const tail = rest.slice(at);
    const last = tail.pop() as Token;
    signal?.throwIfAborted();
    let probs = await evaluateLast(seq, tail, last, targetsOnly(targets));
    if (!targets.every((t) => probs.has(t as Token))) {
      // The boost did not lift every target into the top: the same batch again, with the whole distribution.
      await seq.eraseContextTokenRanges([
        { start: prompt.length - tail.length - 1, end: seq.nextTokenIndex },
      ]);
      probs = await evaluateLast(seq, tail, last, undefined);
    }
    const p = targets.map((t) => probs.get(t as Token) ?? 0);
    const sum = p.reduce((a, b) => a + b, 0);
    return { probabilities: sum > 0 ? p.map((x) => x / sum) : p, evaluatedTokens: prompt.length - reuse };
  }

  async function evaluateLast(
    seq: LlamaContextSequence,
    tail: Token[],
    last: Token,
    options:
      | { temperature: number; topK: number; topP: number; minP: number; seed: number; tokenBias: TokenBias }
      | undefined,
  ): Promise<Map<Token, number>> {
    const generateNext = { probabilities: true, ...(options ? { options } : {}) };
    const out = await seq.controlledEvaluate([...tail, [last, { generateNext }]]);
    const probs = out[tail.length]?.next.probabilities;
    if (probs === undefined) throw new Error("llama.cpp returned no next-token probabilities");
    return probs;
  }

  // Sampler settings under which llama.cpp returns the targets alone (the sampled token itself is not used).
  const biasByTargets = new Map<string, TokenBias>();
  function targetsOnly(targets: readonly number[]) {
    const key = targets.join(",");
    let tokenBias = biasByTargets.get(key);
    if (!tokenBias) {
      tokenBias = new TokenBias(llm.model.tokenizer);
      for (const t of targets) tokenBias.set(t as Token, { logit: boost });
      biasByTargets.set(key, tokenBias);
    }
    return { temperature: 1, topK: targets.length, topP: 1, minP: 0, seed: 0, tokenBias };
  }

  async function run(
    prompts: number[][],
    targets: TargetTokens,
    onResult?: (i: number, r: NextTokenResult) => void,
    signal?: AbortSignal,
  ) {
    const targetsOf = (i: number): readonly number[] =>
      targets.length > 0 && Array.isArray(targets[0])
        ? ((targets as readonly (readonly number[])[])[i] ?? [])
        : (targets as readonly number[]);
    const results: NextTokenResult[] = new Array(prompts.length);
    const plan = planSequenceWork(prompts, sequences.length);
    // allSettled: after an abort, the next call must not start while another sequence still evaluates.
    const settled = await Promise.allSettled(
      plan.map(async (indices, s) => {
        const seq = sequences[s] as LlamaContextSequence;
        for (const i of indices) {
          const result = await evaluateOne(seq, prompts[i] as number[], targetsOf(i), signal);
          results[i] = result;
          onResult?.(i, result);
        }
      }),
    );
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    return results;
  }

  return {
    contextSize: size,
    sequences: sequences.length,
    evaluate(prompts, targets, onResult, signal) {
      const next = queue.then(() => run(prompts, targets, onResult, signal));
      queue = next.catch(() => undefined);
      return next;
    },
    async dispose() {
      await queue;
      await context.dispose();
    },
  };
}

/**
 * Sequences a context gets unless told. Measured on 2 CPU cores (14M-param model, 1 thread, 387-token prompts):
 * ~900 evaluated tokens per CPU-second whether prompts run one by one or over 8 sequences, at any batch size from
 * 128 to 2048; so on the CPU one sequence (bit-identical, most prefix reuse), and batching where one prompt leaves
 * the device idle (a GPU).
 */
export function defaultSequences(llm: LlmModel): number {
  return llm.llama.gpu === false || llm.model.gpuLayers === 0 ? 1 : 4;
}
