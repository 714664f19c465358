import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelCandidateSource } from "../../src/generator/create-model-candidate-source.js";
import { renderRegenerationReply } from "../../src/generator/render-regeneration-reply.js";
import { findChangedMethods } from "../../src/java/find-changed-methods.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { regenerateMethod } from "../../src/review/regenerate-method.js";
import { tinyJudge } from "../integration/support/review-harness.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const source = `package p;

public class Counter {
  private int count;

  /** Adds one and returns the new count. */
  public int increment() {
    return count; // BUG
  }
}
`;

describe("regenerating a method with the real generator runtime", () => {
  let model: LlmModel;
  beforeAll(async () => {
    model = await loadModel({ path: await writeTinyGguf({ seed: 5, contextLength: 2048 }), gpu: false });
  });
  afterAll(async () => {
    await model?.dispose();
  });

  it("writes N candidates, none survives the filter, and the reply says so", async () => {
    const parser = await loadJavaParser();
    const methods = parser.extractMethods("p/Counter.java", source);
    const [method] = findChangedMethods(null, methods);
    const generator = createModelCandidateSource(model, { maxTokens: 32, contextSize: 1024, threads: 1 });
    const run = () =>
      regenerateMethod({
        method: method!,
        source,
        fileMethods: methods,
        originalScore: 0.1,
        candidates: 4,
        minGain: 0.1,
        threshold: 0.5,
        generator,
        judge: { score: async () => [] } as never,
        extractMethods: parser.extractMethods,
      });
    const { result, best } = await run();
    expect(best).toBeNull();
    expect(result).toMatchObject({ outcome: "no-candidates", generated: 4, kept: 0 });
    expect(Object.values(result.rejected).reduce((a, b) => a + (b ?? 0), 0)).toBe(4);
    // The seed comes from the method's text: a rerun writes the same candidates, so the same verdicts.
    expect((await run()).result).toEqual(result);
    const reply = renderRegenerationReply({ results: [result], minGain: 0.1, threshold: 0.5, leftOut: 0 });
    expect(reply).toMatch(
      /^\*\*java-judge\*\* has no suggestion for this method:\n\n- `Counter.increment` \(p\/Counter.java:7\): no candidate survived: of 4 written, /,
    );
  });

  it("scores surviving candidates with the real judge", async () => {
    const judge = await tinyJudge();
    const results = await judge.score([
      {
        description: "Adds one.",
        signature: "public int increment()",
        code: "public int increment() {\n  return ++count;\n}",
        className: "p.Counter",
        name: "increment",
      },
      {
        description: "Adds one.",
        signature: "public int increment()",
        code: "public int increment() {\n  return count; // BUG\n}",
        className: "p.Counter",
        name: "increment",
      },
    ]);
    const [good, bad] = results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));
    expect(good).toBeGreaterThan(bad!);
  });
});
