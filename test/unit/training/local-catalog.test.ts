import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_PROMPT_TEMPLATE } from "../../../src/judge/prompt-template.js";
import { readModelCatalog } from "../../../src/llm/read-model-catalog.js";
import { resolveModel } from "../../../src/llm/resolve-model.js";
import { registerTrainedModel } from "../../../src/training/register-trained-model.js";

let dir = "";
const saved = process.env.JUDGE_LOCAL_CATALOG;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "java-judge-local-catalog-"));
  process.env.JUDGE_LOCAL_CATALOG = join(dir, "models.local.json");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.JUDGE_LOCAL_CATALOG;
  else process.env.JUDGE_LOCAL_CATALOG = saved;
});

describe("the local catalog of trained judges", () => {
  it("is merged after models.json, and a name resolves to its absolute path with its template", async () => {
    const shipped = await readModelCatalog();
    const gguf = join(dir, "team-judge.gguf");
    writeFileSync(gguf, "GGUF");
    const template = { ...DEFAULT_PROMPT_TEMPLATE, correct: "Y", incorrect: "N" };
    await registerTrainedModel({ name: "team-judge", path: gguf, template, base: "/ckpt", notes: "test" });
    const merged = await readModelCatalog();
    expect(merged.slice(0, shipped.length)).toEqual(shipped);
    expect(merged.at(-1)).toMatchObject({ name: "team-judge", role: "judge", file: gguf, template });
    const resolved = await resolveModel("team-judge");
    expect(resolved.path).toBe(gguf);
    expect(resolved.entry?.template).toEqual(template);
  });

  it("replaces the entry of a retrained judge and keeps the others", async () => {
    const a = { template: DEFAULT_PROMPT_TEMPLATE, base: "/b", notes: "" };
    await registerTrainedModel({ ...a, name: "one", path: "/m/one.gguf" });
    await registerTrainedModel({ ...a, name: "two", path: "/m/two.gguf" });
    await registerTrainedModel({ ...a, name: "one", path: "/m/one-v2.gguf" });
    const local = JSON.parse(readFileSync(join(dir, "models.local.json"), "utf8")) as {
      models: { name: string; file: string }[];
    };
    expect(local.models.map((m) => [m.name, m.file])).toEqual([
      ["two", "/m/two.gguf"],
      ["one", "/m/one-v2.gguf"],
    ]);
  });

  it("cannot shadow a shipped name", async () => {
    const shipped = await readModelCatalog();
    const name = shipped[0]!.name;
    await registerTrainedModel({
      name,
      path: "/m/x.gguf",
      template: DEFAULT_PROMPT_TEMPLATE,
      base: "/b",
      notes: "",
    });
    const merged = await readModelCatalog();
    expect(merged.filter((e) => e.name === name)).toEqual([shipped[0]]);
  });

  it("names the file when it is not a catalog", async () => {
    writeFileSync(join(dir, "models.local.json"), "{");
    await expect(readModelCatalog()).rejects.toThrow(/invalid model catalog .*models\.local\.json/);
  });
});
