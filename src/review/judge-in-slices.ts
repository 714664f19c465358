import type { Judge, JudgeInput, JudgeResult, ScoreProgress } from "../judge/types.js";

/** Thrown by a sliced judge between two slices: the job gives its worker up; what it scored is in the cache. */
export class TurnYielded extends Error {
  override name = "TurnYielded";
  constructor(readonly progress: ScoreProgress) {
    super(`yielded after ${progress.done} of ${progress.total} methods`);
  }
}

/**
 * A cached judge scored in slices: after each slice that evaluated at least `sliceMethods` methods (cache hits
 * do not count, so every turn moves on), it asks `shouldYield` and, when other work waits, throws TurnYielded.
 * The slice's scores are in the score cache by then, so the next turn finds them and goes on from there.
 */
export function judgeInSlices(
  judge: Judge,
  p: { sliceMethods: number; shouldYield: () => Promise<boolean> },
): Judge {
  return {
    id: judge.id,
    models: judge.models,
    stats: () => judge.stats(),
    dispose: () => judge.dispose(),
    ...(judge.promptHash ? { promptHash: judge.promptHash.bind(judge) } : {}),
    async score(inputs, onProgress, signal) {
      const results: JudgeResult[] = [];
      let fresh = 0;
      while (results.length < inputs.length) {
        const offset = results.length;
        const slice: JudgeInput[] = inputs.slice(offset, offset + p.sliceMethods);
        const scored = await judge.score(
          slice,
          (q) => onProgress?.({ done: offset + q.done, total: inputs.length }),
          signal,
        );
        results.push(...scored);
        fresh += scored.filter((r) => r.kind === "scored" && !r.cached).length;
        const done = { done: results.length, total: inputs.length };
        onProgress?.(done);
        if (done.done < done.total && fresh >= p.sliceMethods && (await p.shouldYield())) {
          throw new TurnYielded(done);
        }
      }
      return results;
    },
  };
}
