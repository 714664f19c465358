import { describe, expect, it } from "vitest";
import { createCachedJudge } from "../../src/judge/create-cached-judge.js";
import { createEnsembleJudge } from "../../src/judge/create-ensemble-judge.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { ScoreCache } from "../../src/store/types.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

function createMemoryCache(): ScoreCache & { size(): number } {
  const map = new Map<string, number>();
  return {
    getScore: async (m, h) => map.get(`${m}\n${h}`),
    putScore: async (m, h, s) => void map.set(`${m}\n${h}`, s),
    size: () => map.size,
  };
}

describe("cached and ensemble judges", () => {
  it("a cache hit costs no model evaluation and returns the same score", async () => {
    const inner = await createModelJudge({ model: await writeTinyGguf({ seed: 9 }), contextSize: 512 });
    const cache = createMemoryCache();
    const judge = createCachedJudge(inner, cache);
    const inputs = makeJudgeInputs(3);
    const first = await judge.score(inputs);
    expect(judge.stats().evaluations).toBe(3);
    expect(cache.size()).toBe(3);
    const second = await judge.score([...inputs, ...makeJudgeInputs(4).slice(3)]);
    expect(judge.stats().evaluations).toBe(4);
    expect(second.slice(0, 3).map((r) => r.kind === "scored" && r.cached)).toEqual([true, true, true]);
    expect(second[3]).toMatchObject({ kind: "scored", cached: false });
    expect(second.slice(0, 3).map((r) => r.kind === "scored" && r.score)).toEqual(
      first.map((r) => r.kind === "scored" && r.score),
    );
    // A changed method is a different prompt: a miss.
    await judge.score([{ ...(inputs[0] as (typeof inputs)[0]), code: "int f() { return 2; }" }]);
    expect(judge.stats().evaluations).toBe(5);
    await judge.dispose();
  });

  it("an ensemble scores the mean of its judges", async () => {
    const yes = await createModelJudge({
      model: await writeTinyGguf({ behaviour: { prefer: "1" } }),
      contextSize: 512,
    });
    const no = await createModelJudge({
      model: await writeTinyGguf({ behaviour: { prefer: "0" } }),
      contextSize: 512,
    });
    const inputs = makeJudgeInputs(2);
    const [a, b] = [await yes.score(inputs), await no.score(inputs)];
    const ensemble = createEnsembleJudge([yes, no]);
    expect(ensemble.id).not.toBe(yes.id);
    const mean = await ensemble.score(inputs);
    mean.forEach((r, i) => {
      const x = a[i];
      const y = b[i];
      if (r.kind !== "scored" || x?.kind !== "scored" || y?.kind !== "scored") throw new Error("not scored");
      expect(r.score).toBeCloseTo((x.score + y.score) / 2, 12);
    });
    await ensemble.dispose();
  });
});
