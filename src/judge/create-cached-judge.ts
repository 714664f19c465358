import type { ScoreCache } from "../store/types.js";
import { hashPrompt } from "./hash-prompt.js";
import type { Judge, JudgeInput, JudgeResult } from "./types.js";

/**
 * Scores through a cache: (judge id, prompt hash) -> score. A hit costs no model evaluation; only misses reach the
 * judge, so its stats count real evaluations. Skips are not cached (they depend on the context size).
 */
export function createCachedJudge(judge: Judge, cache: ScoreCache): Judge {
  const keyOf = (input: JudgeInput): string => judge.promptHash?.(input) ?? hashPrompt(JSON.stringify(input));
  return {
    id: judge.id,
    models: judge.models,
    promptHash: keyOf,
    async score(inputs, onProgress, signal) {
      const keys = inputs.map(keyOf);
      const results: JudgeResult[] = new Array(inputs.length);
      const misses: number[] = [];
      for (const [i, key] of keys.entries()) {
        const score = await cache.getScore(judge.id, key);
        if (score === undefined) misses.push(i);
        else results[i] = { kind: "scored", score, promptTokens: 0, cached: true };
      }
      const hits = inputs.length - misses.length;
      onProgress?.({ done: hits, total: inputs.length });
      const fresh = await judge.score(
        misses.map((i) => inputs[i] as JudgeInput),
        (p) => onProgress?.({ done: hits + p.done, total: inputs.length }),
        signal,
      );
      for (const [k, i] of misses.entries()) {
        const r = fresh[k] as JudgeResult;
        results[i] = r;
        if (r.kind === "scored") await cache.putScore(judge.id, keys[i] as string, r.score);
      }
      return results;
    },
    stats: () => judge.stats(),
    dispose: () => judge.dispose(),
  };
}
