import { stat } from "node:fs/promises";
import { getLlama } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { REAL_VOCABS, realVocabPath } from "../../support/real-vocab.js";

describe("realVocabPath", () => {
  it("extracts every named vocabulary from node-llama-cpp's bundle, and qwen2 loads with its 151,936 tokens", async () => {
    for (const name of REAL_VOCABS)
      expect((await stat(await realVocabPath(name))).size).toBeGreaterThan(100_000);
    const llama = await getLlama({ gpu: false, build: "never" });
    const model = await llama.loadModel({ modelPath: await realVocabPath("qwen2"), vocabOnly: true });
    try {
      expect(model.fileInfo.metadata.tokenizer.ggml.tokens.length).toBe(151_936);
      expect(model.tokenizer.detokenize(model.tokenize("public int size() { return n; }"))).toBe(
        "public int size() { return n; }",
      );
    } finally {
      await model.dispose();
    }
  }, 60_000);
});
