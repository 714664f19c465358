import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractCandidate } from "../../src/generator/extract-candidate.js";
import { filterCandidates } from "../../src/generator/filter-candidates.js";
import { rankCandidates } from "../../src/generator/rank-candidates.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import { generateCompletions } from "../../src/llm/generate-completions.js";
import { ContextTooSmallError } from "../../src/llm/llm-errors.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

// One thread: llama.cpp's spinning worker threads crawl on shared, busy cores.
const threads = 1;
const PROMPT = "### Signature\npublic static int twice(int x)\n### Method\n```java\n";

describe("generateCompletions on a tiny generated model", () => {
  let random: LlmModel;
  let ones: LlmModel;
  beforeAll(async () => {
    random = await loadModel({ path: await writeTinyGguf({ seed: 11, contextLength: 256 }), gpu: false });
    ones = await loadModel({
      path: await writeTinyGguf({ seed: 2, behaviour: { prefer: "1" } }),
      gpu: false,
    });
  });
  afterAll(async () => {
    await random?.dispose();
    await ones?.dispose();
  });

  it("samples N completions within the token limit, different from each other", async () => {
    const batch = await generateCompletions({
      model: random,
      prompt: PROMPT,
      threads,
      n: 4,
      temperature: 1,
      seed: 5,
      maxTokens: 20,
    });
    expect(batch.completions).toHaveLength(4);
    for (const c of batch.completions) expect(c.tokens).toBeLessThanOrEqual(20);
    expect(batch.completions.some((c) => c.stopReason === "maxTokens" && c.tokens === 20)).toBe(true);
    expect(new Set(batch.completions.map((c) => c.text)).size).toBeGreaterThan(1);
    expect(batch.generatedTokens).toBe(batch.completions.reduce((n, c) => n + c.tokens, 0));
    expect(batch.promptTokens).toBe(random.tokenize(PROMPT).length + 1);
  });

  it("gives the same completions for the same seed, and others for another seed", async () => {
    const run = (seed: number) =>
      generateCompletions({
        model: random,
        prompt: PROMPT,
        threads,
        n: 3,
        temperature: 1,
        seed,
        maxTokens: 16,
      }).then((b) => b.completions.map((c) => c.text));
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(await run(43)).not.toEqual(first);
  });

  it("stops at maxTokens exactly and says so", async () => {
    const batch = await generateCompletions({
      model: ones,
      prompt: PROMPT,
      threads,
      n: 2,
      temperature: 0,
      maxTokens: 7,
    });
    expect(batch.completions).toEqual([
      { text: "1111111", tokens: 7, stopReason: "maxTokens" },
      { text: "1111111", tokens: 7, stopReason: "maxTokens" },
    ]);
  });

  it("refuses a prompt and limit larger than the model's context, naming the size needed", async () => {
    const prompt = "x".repeat(300);
    await expect(generateCompletions({ model: random, prompt, maxTokens: 10 })).rejects.toThrow(
      ContextTooSmallError,
    );
    await expect(generateCompletions({ model: random, prompt, maxTokens: 10 })).rejects.toThrow(
      "context too small: 256 tokens; increase the context to at least 311",
    );
  });

  it("leaves no candidate when nothing the model wrote is the method", async () => {
    const batch = await generateCompletions({
      model: random,
      prompt: PROMPT,
      threads,
      n: 5,
      temperature: 1,
      seed: 9,
      maxTokens: 24,
    });
    const parser = await loadJavaParser();
    const [original] = parser.extractMethods(
      "A.java",
      "class A {\n  public static int twice(int x) { return x; }\n}\n",
    );
    const filtered = filterCandidates({
      original: original!,
      texts: batch.completions.map((c) => extractCandidate(c.text)),
      extractMethods: parser.extractMethods,
    });
    expect(filtered.kept).toEqual([]);
    expect(filtered.rejected).toHaveLength(5);
    const ranked = rankCandidates({
      candidates: filtered.kept,
      scores: [],
      originalScore: 0.2,
      minGain: 0.1,
      threshold: 0.5,
    });
    expect(ranked.outcome).toBe("no-candidates");
  });
});
