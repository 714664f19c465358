import { describe, expect, it } from "vitest";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { JudgeResult } from "../../src/judge/types.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const scoreOf = (r: JudgeResult | undefined): number => (r?.kind === "scored" ? r.score : Number.NaN);

describe("tiny models with a known verdict", () => {
  it("prefer: the preferred label wins for every method", async () => {
    for (const [label, check] of [
      ["1", (s: number) => expect(s).toBeGreaterThan(0.99)],
      ["0", (s: number) => expect(s).toBeLessThan(0.01)],
    ] as const) {
      const judge = await createModelJudge({
        model: await writeTinyGguf({ behaviour: { prefer: label } }),
        contextSize: 512,
      });
      for (const r of await judge.score(makeJudgeInputs(3))) check(scoreOf(r));
      await judge.dispose();
    }
  });

  it("flagIfContains: a method with the marker is flagged, the fixed one passes, even one marker in ~4000 tokens", async () => {
    const judge = await createModelJudge({
      model: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
      contextSize: 4096,
      sequences: 2,
    });
    const [base] = makeJudgeInputs(1);
    if (!base) throw new Error("no input");
    const buggy = {
      ...base,
      code: base.code.replace("return total;", "return total + 1; // BUG: off by one"),
    };
    const filler = "  total = total ^ 0;\n".repeat(170);
    const longBuggy = { ...buggy, code: buggy.code.replace("return", `${filler}  return`) };
    const results = await judge.score([base, buggy, longBuggy]);
    expect(scoreOf(results[0])).toBeGreaterThan(0.9);
    expect(scoreOf(results[1])).toBeLessThan(0.01);
    expect(results[2]).toMatchObject({ kind: "scored" });
    expect(results[2]?.kind === "scored" && results[2].promptTokens).toBeGreaterThan(3500);
    expect(scoreOf(results[2])).toBeLessThan(0.01);
    await judge.dispose();
  });
});
