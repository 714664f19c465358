import { hashPrompt } from "./hash-prompt.js";
import type { Judge, JudgeInput, JudgeResult, JudgeStats } from "./types.js";

/** Several judges; a method's score is their mean. Skipped by any member = skipped (the mean would be partial). */
export function createEnsembleJudge(judges: Judge[]): Judge {
  if (judges.length === 0) throw new Error("an ensemble needs at least one judge");
  if (judges.length === 1) return judges[0] as Judge;
  return {
    id: `ensemble(${judges.map((j) => j.id).join(",")})`,
    models: judges.flatMap((j) => j.models),
    promptHash: (input: JudgeInput) =>
      hashPrompt(judges.map((j) => j.promptHash?.(input) ?? hashPrompt(JSON.stringify(input))).join(",")),
    async score(inputs, onProgress, signal) {
      const all: JudgeResult[][] = [];
      // One after the other: the members share the machine, running them together would not be faster.
      for (const [k, judge] of judges.entries()) {
        all.push(
          await judge.score(
            inputs,
            (p) => onProgress?.({ done: k * inputs.length + p.done, total: judges.length * inputs.length }),
            signal,
          ),
        );
      }
      return inputs.map((_, i) => {
        const results = all.map((r) => r[i] as JudgeResult);
        const skipped = results.find((r) => r.kind === "skipped");
        if (skipped) return skipped;
        const scored = results.filter((r) => r.kind === "scored");
        return {
          kind: "scored",
          score: scored.reduce((sum, r) => sum + r.score, 0) / scored.length,
          promptTokens: scored.reduce((sum, r) => sum + r.promptTokens, 0),
          cached: scored.every((r) => r.cached),
        };
      });
    },
    stats: () =>
      judges
        .map((j) => j.stats())
        .reduce<JudgeStats>(
          (a, s) => ({
            promptTokens: a.promptTokens + s.promptTokens,
            evaluatedTokens: a.evaluatedTokens + s.evaluatedTokens,
            evaluations: a.evaluations + s.evaluations,
            seconds: a.seconds + s.seconds,
          }),
          { promptTokens: 0, evaluatedTokens: 0, evaluations: 0, seconds: 0 },
        ),
    async dispose() {
      for (const j of judges) await j.dispose();
    },
  };
}
