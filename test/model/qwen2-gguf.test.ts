import { createHash } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { JudgeResult } from "../../src/judge/types.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { f16Bits, randomQ8_0Tensor } from "./random-q8-0-tensor.js";
import { TINY_QWEN2_PARAMS, writeTinyGguf } from "./write-tiny-gguf.js";

const GGML_Q8_0 = 8;

const scores = (results: JudgeResult[]): number[] =>
  results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));

describe("writeTinyGguf, qwen2", () => {
  const loaded: LlmModel[] = [];
  const load = async (path: string) => {
    const model = await loadModel({ path, gpu: false });
    loaded.push(model);
    return model;
  };
  afterAll(async () => {
    for (const m of loaded) await m.dispose();
  });

  it("writes a Q8_0 qwen2 with grouped-query attention, biases and a tied head that llama.cpp scores with", async () => {
    const model = await load(await writeTinyGguf({ ...TINY_QWEN2_PARAMS, seed: 5 }));
    expect(model.file.architecture).toBe("qwen2");
    const info = model.model.fileInfo;
    expect(info.architectureMetadata).toMatchObject({
      embedding_length: 64,
      attention: { head_count: 4, head_count_kv: 2 },
      rope: { freq_base: 1e6 },
    });
    const tensors = new Map((info.tensorInfo ?? []).map((t) => [t.name, t]));
    expect(tensors.has("output.weight")).toBe(false);
    expect(tensors.get("token_embd.weight")).toMatchObject({ dimensions: [64, 2048], ggmlType: GGML_Q8_0 });
    expect(tensors.get("blk.0.attn_k.weight")).toMatchObject({ dimensions: [64, 32], ggmlType: GGML_Q8_0 });
    expect(tensors.get("blk.1.attn_v.bias")?.dimensions).toEqual([32]);

    const judge = await createModelJudge({ model, contextSize: 1024 });
    try {
      const s = scores(await judge.score(makeJudgeInputs(4)));
      for (const v of s) expect(v).toBeGreaterThan(0);
      for (const v of s) expect(v).toBeLessThan(1);
      expect(new Set(s).size).toBeGreaterThan(1);
    } finally {
      await judge.dispose();
    }
  });

  it.each(["gpt2-qwen2", "spm-no-space-prefix"] as const)(
    "pads the %s vocabulary without changing how text tokenizes",
    async (tokenizer) => {
      const padded = await load(await writeTinyGguf({ ...TINY_QWEN2_PARAMS, seed: 5, tokenizer }));
      const plain = await load(
        await writeTinyGguf({ ...TINY_QWEN2_PARAMS, seed: 5, tokenizer, vocabSize: 0 }),
      );
      expect(padded.model.fileInfo.metadata.tokenizer.ggml.tokens).toHaveLength(2048);
      expect(plain.model.fileInfo.metadata.tokenizer.ggml.tokens.length).toBeLessThan(400);
      const text = "int f(String s) {\n    return s.length() < 2 ? 0 : 1; // é <filler7>\n}";
      expect(padded.tokenize(text)).toEqual(plain.tokenize(text));
      expect(padded.detokenize(padded.tokenize(text))).toBe(text);
    },
  );

  it("keeps the behaviours' circuits exact on an F32 qwen2 with grouped-query attention", async () => {
    const model = await load(
      await writeTinyGguf({
        ...TINY_QWEN2_PARAMS,
        tensorType: "f32",
        tiedOutput: false,
        behaviour: { flagIfContains: "BUG" },
      }),
    );
    const judge = await createModelJudge({ model, contextSize: 1024 });
    try {
      const [clean, flagged] = makeJudgeInputs(2);
      const s = scores(
        await judge.score([
          clean!,
          { ...flagged!, code: flagged!.code.replace("return", "// BUG\n  return") },
        ]),
      );
      expect(s[0]).toBeGreaterThan(0.9);
      expect(s[1]).toBeLessThan(0.01);
    } finally {
      await judge.dispose();
    }
  });

  it("writes the same bytes for the same parameters, wherever it writes them", async () => {
    const dirs = [await mkdtemp(join(tmpdir(), "qwen2-a-")), await mkdtemp(join(tmpdir(), "qwen2-b-"))];
    const hashes = await Promise.all(
      dirs.map(async (cacheDir) => {
        const path = await writeTinyGguf({ ...TINY_QWEN2_PARAMS, seed: 9, cacheDir });
        return createHash("sha256")
          .update(await readFile(path))
          .digest("hex");
      }),
    );
    expect(hashes[0]).toBe(hashes[1]);
  });

  it("refuses Q8_0 for weights that carry circuits, and rows that are not whole blocks", async () => {
    await expect(
      writeTinyGguf({ ...TINY_QWEN2_PARAMS, tiedOutput: false, behaviour: { prefer: "1" } }),
    ).rejects.toThrow(/random only/);
    await expect(writeTinyGguf({ ...TINY_QWEN2_PARAMS, dim: 48, heads: 4 })).rejects.toThrow(/blocks of 32/);
  });
});

describe("randomQ8_0Tensor", () => {
  it("writes blocks of one f16 scale and 32 int8 weights of the asked standard deviation", () => {
    expect(f16Bits(1)).toBe(0x3c00);
    expect(f16Bits(0.5)).toBe(0x3800);
    expect(f16Bits(2 ** -10)).toBe(0x1400);
    const rows = 64;
    const cols = 256;
    const t = randomQ8_0Tensor(rows, cols, 0.05, 1);
    const bytes = Buffer.concat([...t.pieces()]);
    expect(bytes.length).toBe(t.byteLength);
    expect(bytes.length).toBe((rows * cols * 34) / 32);
    const scale = bytes.readUInt16LE(0);
    let sum = 0;
    let squares = 0;
    for (let block = 0; block < bytes.length; block += 34) {
      expect(bytes.readUInt16LE(block)).toBe(scale);
      for (let i = 2; i < 34; i++) {
        const q = bytes.readInt8(block + i);
        expect(q).toBeGreaterThanOrEqual(-127);
        sum += q;
        squares += q * q;
      }
    }
    const n = rows * cols;
    const d = halfToNumber(scale);
    const std = d * Math.sqrt(squares / n - (sum / n) ** 2);
    expect(std).toBeGreaterThan(0.05 * 0.97);
    expect(std).toBeLessThan(0.05 * 1.03);
  });
});

function halfToNumber(bits: number): number {
  return 2 ** (((bits >>> 10) & 0x1f) - 15) * (1 + (bits & 0x3ff) / 1024);
}
