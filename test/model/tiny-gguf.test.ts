import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
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

  it("makes the marker one token wherever it occurs", async () => {
    const model = await loadModel({
      path: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
      gpu: false,
    });
    loaded.push(model);
    const [marker] = model.tokenize("BUG");
    expect(model.tokenize("BUG")).toHaveLength(1);
    for (const text of ["  // BUG: off by one", "xBUGy", "return a; //BUG\n"]) {
      expect(model.tokenize(text)).toContain(marker);
    }
    expect(model.tokenize("BU G bug BUFFER")).not.toContain(marker);
  });

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
  });
});
