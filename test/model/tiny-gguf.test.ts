import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { buildTinyVocab, SPM_SPACE, TINY_TOKENIZERS } from "./build-tiny-vocab.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

describe("writeTinyGguf", () => {
  const loaded: LlmModel[] = [];
  afterAll(async () => {
    for (const m of loaded) await m.dispose();
  });

  it("writes a loadable llama model whose labels are single tokens and that tokenizes any text", async () => {
    const model = await loadModel({ path: await writeTinyGguf({ seed: 3 }), gpu: false });
    loaded.push(model);
    expect(model.file.architecture).toBe("llama");
    expect(model.tokenize("1")).toHaveLength(1);
    expect(model.tokenize("0")).toHaveLength(1);
    expect(model.tokenize("1")).not.toEqual(model.tokenize("0"));
    const text = "int f(String s) {\n  return s.length(); // é ✓ \t\n}";
    expect(model.detokenize(model.tokenize(text))).toBe(text);
  });

  it.each(TINY_TOKENIZERS)("%s: makes the marker one token wherever it occurs", async (tokenizer) => {
    const model = await loadModel({
      path: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" }, tokenizer }),
      gpu: false,
    });
    loaded.push(model);
    const marker = model.tokenize("x BUG").at(-1);
    for (const text of ["  // BUG: off by one", "xBUGy", "return a; //BUG\n", "BUG"]) {
      expect(model.tokenize(text)).toContain(marker);
    }
    expect(model.tokenize("BU G bug BUFFER")).not.toContain(marker);
  });

  // What llama.cpp itself makes of the labels, family by family: the reason labels are read after the prompt.
  it.each([
    ["spm-no-space-prefix", ["1"], "llama"],
    ["spm-space-prefix", [SPM_SPACE, "1"], "llama"],
    ["gpt2-qwen2", ["1"], "gpt2"],
  ] as const)(
    "%s: '1' alone is %j; after the prompt's newline it is '1' alone",
    async (tokenizer, alone, kind) => {
      const path = await writeTinyGguf({ seed: 3, tokenizer });
      const model = await loadModel({ path, gpu: false });
      loaded.push(model);
      expect(model.file.architecture).toBe("llama");
      const vocab = buildTinyVocab(undefined, tokenizer);
      expect(vocab.metadata["tokenizer.ggml.model"]).toEqual({ type: "string", value: kind });
      const pieces = (text: string) => model.tokenize(text).map((id) => vocab.tokens[id]);
      expect(pieces("1")).toEqual(alone);
      expect(pieces("0")).toEqual(alone.length === 2 ? [SPM_SPACE, "0"] : ["0"]);
      const newline = tokenizer === "gpt2-qwen2" ? "\u010a" : "<0x0A>";
      expect(pieces("### Rating\n1").slice(-2)).toEqual([newline, "1"]);
      const text = "int f(String s) {\n  return s.length(); // é ✓ \t\n}";
      expect(model.detokenize(model.tokenize(text))).toBe(text);
    },
  );

  it("caches by parameters and copies to an explicit path", async () => {
    const a = await writeTinyGguf({ seed: 11 });
    const before = (await stat(a)).mtimeMs;
    expect(await writeTinyGguf({ seed: 11 })).toBe(a);
    expect((await stat(a)).mtimeMs).toBe(before);
    expect(await writeTinyGguf({ seed: 12 })).not.toBe(a);
    const dir = await mkdtemp(join(tmpdir(), "tiny-gguf-"));
    const copy = await writeTinyGguf({ seed: 11, path: join(dir, "m.gguf") });
    expect(copy).toBe(join(dir, "m.gguf"));
    expect((await stat(copy)).size).toBe((await stat(a)).size);
  });

  it("rejects a preferred token that is not one token", async () => {
    await expect(writeTinyGguf({ behaviour: { prefer: "yes" } })).rejects.toThrow(/not one token/);
    await expect(writeTinyGguf({ behaviour: { prefer: "yes" }, tokenizer: "gpt2-qwen2" })).rejects.toThrow(
      /not one token/,
    );
  });

  it("keys the cache on the tokenizer family", async () => {
    const files = await Promise.all(
      TINY_TOKENIZERS.map((tokenizer) => writeTinyGguf({ seed: 11, tokenizer })),
    );
    expect(new Set(files).size).toBe(3);
    expect(files[0]).toBe(await writeTinyGguf({ seed: 11 }));
  });
});
