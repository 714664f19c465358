import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCachedJudge } from "../../src/judge/create-cached-judge.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { ScoreProgress } from "../../src/judge/types.js";
import { judgeInSlices, TurnYielded } from "../../src/review/judge-in-slices.js";
import { openStore } from "../../src/store/open-store.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

describe("a review judged in slices", () => {
  it("yields after each slice of fresh scores while others wait, and each turn goes on where the last stopped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jj-slices-"));
    const store = await openStore(`sqlite:${join(dir, "db.sqlite")}`);
    const inner = await createModelJudge({ model: await writeTinyGguf({ seed: 9 }), contextSize: 512 });
    try {
      const inputs = makeJudgeInputs(10);
      let waiting = true;
      const turn = async () => {
        // A turn is a new process for all it knows: a fresh cached judge over the same store.
        const judge = judgeInSlices(createCachedJudge(inner, store), {
          sliceMethods: 4,
          shouldYield: async () => waiting,
        });
        const seen: ScoreProgress[] = [];
        try {
          return { results: await judge.score(inputs, (p) => seen.push(p)), seen };
        } catch (error) {
          if (error instanceof TurnYielded) return { yielded: error.progress, seen };
          throw error;
        }
      };
      expect((await turn()).yielded).toEqual({ done: 4, total: 10 });
      expect(inner.stats().evaluations).toBe(4);
      // The cached four do not count as this turn's slice: it scores four more before it yields.
      expect((await turn()).yielded).toEqual({ done: 8, total: 10 });
      expect(inner.stats().evaluations).toBe(8);
      // Nothing else waits: the last turn runs to the end; every score was computed once.
      waiting = false;
      const last = await turn();
      expect(last.results).toHaveLength(10);
      expect(last.seen.at(-1)).toEqual({ done: 10, total: 10 });
      expect(inner.stats().evaluations).toBe(10);
      const alone = await inner.score(inputs);
      expect(last.results?.map((r) => r.kind === "scored" && r.score)).toEqual(
        alone.map((r) => r.kind === "scored" && r.score),
      );
    } finally {
      await inner.dispose();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
