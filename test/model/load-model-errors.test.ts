import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { LabelTokensError } from "../../src/judge/find-label-tokens.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../src/judge/prompt-template.js";
import {
  ContextTooSmallError,
  ModelNotFoundError,
  NotGgufError,
  TruncatedModelError,
  UnsupportedArchitectureError,
} from "../../src/llm/llm-errors.js";
import { loadModel } from "../../src/llm/load-model.js";
import { resolveModel } from "../../src/llm/resolve-model.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

describe("model errors", () => {
  let dir: string;
  let good: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "model-errors-"));
    good = await writeTinyGguf({ seed: 5 });
  });

  it("a missing file names the path and java-judge pull", async () => {
    const err = await loadModel({ path: join(dir, "nope.gguf"), gpu: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect(String(err)).toMatch(/nope\.gguf.*java-judge pull/);
  });

  it("a file without the GGUF magic", async () => {
    const path = join(dir, "model.bin");
    await writeFile(path, "PK\u0003\u0004 not a model");
    await expect(loadModel({ path, gpu: false })).rejects.toBeInstanceOf(NotGgufError);
  });

  it("a truncated file, cut in the tensor data or in the header", async () => {
    const bytes = await readFile(good);
    for (const [name, length] of [
      ["data.gguf", Math.floor(bytes.length * 0.7)],
      ["header.gguf", 200],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, bytes.subarray(0, length));
      const err = await loadModel({ path, gpu: false }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TruncatedModelError);
      expect(String(err)).toContain(`has ${length} bytes`);
    }
  });

  it("an architecture llama.cpp does not know", async () => {
    const path = await writeTinyGguf({ architecture: "frobnicator" });
    await expect(loadModel({ path, gpu: false })).rejects.toThrow(UnsupportedArchitectureError);
    await expect(loadModel({ path, gpu: false })).rejects.toThrow(/"frobnicator"/);
  });

  it("a template longer than the context says how large it must be", async () => {
    const template = {
      ...DEFAULT_PROMPT_TEMPLATE,
      text: `${"Rate this Java method. ".repeat(40)}${DEFAULT_PROMPT_TEMPLATE.text}`,
    };
    const err = await createModelJudge({ model: good, contextSize: 256, template }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContextTooSmallError);
    expect(String(err)).toMatch(/increase the context to at least \d+/);
  });

  it("labels no token tells apart are refused at load, naming the model", async () => {
    const template = { ...DEFAULT_PROMPT_TEMPLATE, correct: "1", incorrect: "10" };
    const err = await createModelJudge({ model: good, contextSize: 256, template }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabelTokensError);
    expect(String(err)).toMatch(/: labels "1" and "10" have no token that tells them apart after the prompt/);
  });

  it("resolves a catalog name in the models dir, or a path, else says what to do", async () => {
    const catalog = [
      {
        name: "tiny",
        role: "judge" as const,
        file: "tiny.gguf",
        url: "https://example.org/tiny.gguf",
        sha256: null,
      },
      { name: "private", role: "judge" as const, file: "p.gguf", url: null, sha256: null },
    ];
    await expect(resolveModel("tiny", { modelsDir: dir, catalog })).rejects.toThrow(/java-judge pull tiny/);
    await expect(resolveModel("private", { modelsDir: dir, catalog })).rejects.toThrow(/no public weights/);
    await writeTinyGguf({ seed: 5, path: join(dir, "tiny.gguf") });
    expect(await resolveModel("tiny", { modelsDir: dir, catalog })).toMatchObject({
      path: join(dir, "tiny.gguf"),
    });
    expect((await resolveModel(good, { catalog })).entry).toBeNull();
    await expect(resolveModel(join(dir, "x.gguf"), { catalog })).rejects.toThrow(/one of: tiny, private/);
  });
});
