import { describe, expect, it } from "vitest";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { openJudge } from "../../src/judge/open-judge.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const scoreOf = (r: { kind: string; score?: number } | undefined) => (r?.kind === "scored" ? r.score : NaN);

describe("openJudge (what JUDGE_MODEL and --model accept)", () => {
  it("`a,b` is an ensemble whose score is the mean of the two models'", async () => {
    const [a, b] = await Promise.all([writeTinyGguf({ seed: 21 }), writeTinyGguf({ seed: 22 })]);
    const inputs = makeJudgeInputs(2);
    const alone = await Promise.all(
      [a, b].map(async (model) => {
        const judge = await createModelJudge({ model, contextSize: 512 });
        const results = await judge.score(inputs);
        await judge.dispose();
        return results.map(scoreOf);
      }),
    );
    const ensemble = await openJudge({ model: `${a}, ${b}`, contextSize: 512 });
    try {
      expect(ensemble.models).toHaveLength(2);
      const mean = (await ensemble.score(inputs)).map(scoreOf);
      mean.forEach((s, i) => {
        expect(s).toBeCloseTo(((alone[0]?.[i] ?? 0) + (alone[1]?.[i] ?? 0)) / 2, 6);
      });
    } finally {
      await ensemble.dispose();
    }
  });

  it("a name that is neither a file nor in models.json says what was tried", async () => {
    await expect(openJudge({ model: "no-such-judge" })).rejects.toThrow(/no-such-judge/);
  });
});
