import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { buildEvalInputs } from "../../../src/eval/build-eval-inputs.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { buildJudgePrompt } from "../../../src/judge/build-judge-prompt.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../../src/judge/prompt-template.js";
import { buildTrainingPieces } from "../../../src/training/build-training-pieces.js";
import { loadTrainingData } from "../../../src/training/load-training-data.js";
import { renderTrainingLines } from "../../../src/training/render-training-lines.js";
import { makeMarkerDataset, toJsonl } from "../../training/make-marker-dataset.js";

const dir = mkdtempSync(join(tmpdir(), "java-judge-training-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadTrainingData", () => {
  it("splits one file by method key: a method and its mutant never land in two splits", async () => {
    const file = join(dir, "all.jsonl");
    writeFileSync(file, toJsonl(makeMarkerDataset("marker", 40, 3)));
    const data = await loadTrainingData(file, 0);
    expect(data.from).toBe("file");
    expect([data.train.length, data.valid.length, data.test.length]).toEqual([64, 8, 8]);
    const trainKeys = new Set(data.train.map((l) => l.line.key));
    expect([...data.valid, ...data.test].some((l) => trainKeys.has(l.line.key))).toBe(false);
    const again = await loadTrainingData(file, 0);
    expect(again.test.map((l) => l.line.id)).toEqual(data.test.map((l) => l.line.id));
  });

  it("reads a dataset directory; valid and test are optional", async () => {
    const d = join(dir, "d");
    mkdirSync(d);
    writeFileSync(join(d, "train.jsonl"), toJsonl(makeMarkerDataset("marker", 3, 1)));
    writeFileSync(join(d, "test.jsonl"), "");
    const data = await loadTrainingData(d, 0);
    expect([data.from, data.train.length, data.valid.length, data.test.length]).toEqual(["dir", 6, 0, 0]);
  });

  it("says what is wrong with the data, as bad input", async () => {
    await expect(loadTrainingData(join(dir, "nope"), 0)).rejects.toThrow(/does not exist/);
    const empty = mkdtempSync(join(dir, "empty-"));
    await expect(loadTrainingData(empty, 0)).rejects.toThrow(/has no train\.jsonl/);
    writeFileSync(join(dir, "blank.jsonl"), "\n");
    await expect(loadTrainingData(join(dir, "blank.jsonl"), 0)).rejects.toBeInstanceOf(UsageError);
    writeFileSync(join(dir, "bad.jsonl"), '{"id":"a","code":"int f() { return 1; }","label":2}\n');
    await expect(loadTrainingData(join(dir, "bad.jsonl"), 0)).rejects.toThrow(/line 1: "label" must be 1/);
  });
});

describe("buildTrainingPieces", () => {
  it("keeps inserted control-token text and placeholders out of the template's pieces", () => {
    const input = {
      name: "f",
      className: "A",
      signature: "int f()",
      description: "Returns {code} and <|im_end|>.",
      code: "int f() {\n### not a heading\n  return 1;\n}\n",
    };
    const template = {
      ...DEFAULT_PROMPT_TEMPLATE,
      text: "<|im_start|>{description}|{signature}|{code}<|im_end|>",
    };
    expect(buildTrainingPieces(input, template)).toEqual([
      { text: "<|im_start|>", template: true },
      { text: "Returns {code} and <|im_end|>.", template: false },
      { text: "|", template: true },
      { text: "int f()", template: false },
      { text: "|", template: true },
      { text: "int f() {\n\\### not a heading\n  return 1;\n}", template: false },
      { text: "<|im_end|>", template: true },
    ]);
    expect(
      buildTrainingPieces(input, template)
        .map((p) => p.text)
        .join(""),
    ).toBe(buildJudgePrompt(input, template));
  });
});

describe("renderTrainingLines", () => {
  it("hands the trainer the judge's own prompt and the template's label text", async () => {
    const lines = makeMarkerDataset("marker", 2, 5).map((l, i) => ({
      ...l,
      taskId: null,
      lineNumber: i + 1,
    }));
    const inputs = buildEvalInputs(lines, await loadJavaParser(), "x.jsonl");
    const template = { ...DEFAULT_PROMPT_TEMPLATE, correct: " yes", incorrect: " no" };
    const rendered = renderTrainingLines(
      inputs,
      lines.map((l) => l.label),
      template,
    )
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            pieces: { text: string; template: boolean }[];
            label_text: string;
            label: number;
          },
      );
    expect(rendered.map((r) => [r.label, r.label_text])).toEqual([
      [1, " yes"],
      [0, " no"],
      [1, " yes"],
      [0, " no"],
    ]);
    const joined = rendered.map((r) => r.pieces.map((p) => p.text).join(""));
    expect(joined[1]).toBe(buildJudgePrompt(inputs[1]!, template));
    expect(joined[1]).toContain("return r; // BUG\n}\n### Rating");
    // The template's text and the inserted values alternate: description, signature, code between the headings.
    expect(rendered[0]?.pieces.map((p) => p.template)).toEqual([true, false, true, false, true, false, true]);
    expect(rendered[0]?.pieces.slice(0, 2)).toEqual([
      { text: "### Description\n", template: true },
      { text: lines[0]?.task, template: false },
    ]);
  });

  it("renders train lines whose code is a constructor, with and without a key", async () => {
    const d = join(dir, "constructors");
    mkdirSync(d);
    const lines = [
      { id: "a", code: "@Deprecated\npublic BooleanUtils() {\n    // nothing to set up\n}", label: 1 },
      { id: "g", code: "public <T> Box(T value) {\n    this.value = value;\n}", label: 1 },
      { id: "e", code: "Color(String hex) {\n    this.hex = null; // BUG\n}", label: 0 },
      { id: "r", code: "public Point {\n    // BUG: no check\n}", label: 0 },
      {
        id: "k",
        code: "Color(String hex) {\n    this.hex = hex;\n}",
        label: 1,
        key: "P.java:P.Color#Color(String)",
      },
      {
        id: "q",
        code: "Point {\n    if (x < 0) throw new IllegalArgumentException();\n}",
        label: 1,
        key: "S.java:S.Point#Point()",
      },
    ];
    writeFileSync(join(d, "train.jsonl"), toJsonl(lines));
    const data = await loadTrainingData(d, 0);
    const inputs = buildEvalInputs(
      data.train.map((l) => l.line),
      await loadJavaParser(),
      "train.jsonl",
    );
    const rendered = renderTrainingLines(
      inputs,
      data.train.map((l) => l.line.label),
      DEFAULT_PROMPT_TEMPLATE,
    )
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { pieces: { text: string }[]; label: number })
      .map((r) => ({ label: r.label, prompt: r.pieces.map((p) => p.text).join("") }));
    expect(rendered.map((r) => r.label)).toEqual([1, 1, 0, 0, 1, 1]);
    expect(inputs.map((i) => `${i.className}#${i.name}`)).toEqual([
      "BooleanUtils#BooleanUtils",
      "Box#Box",
      "Color#Color",
      "Point#Point",
      "P.Color#Color",
      "S.Point#Point",
    ]);
    expect(rendered[0]?.prompt).toContain("None (method BooleanUtils of class BooleanUtils)");
    expect(rendered[3]?.prompt).toContain("public Point {\n    // BUG: no check\n}");
    expect(rendered[5]?.prompt).toContain("None (method Point of class S.Point)");
  });
});
