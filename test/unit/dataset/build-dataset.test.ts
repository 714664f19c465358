import { describe, expect, it } from "vitest";
import { buildDataset, renderDatasetLines } from "../../../src/dataset/build-dataset.js";
import {
  parseCount,
  parseFixPattern,
  parseSources,
  parseSplit,
} from "../../../src/dataset/parse-dataset-options.js";
import type { DatasetExample } from "../../../src/dataset/types.js";

const example = (over: Partial<DatasetExample>): DatasetExample => ({
  task: null,
  code: "int f() { return 1; }",
  label: 1,
  key: "A.java:A#f()",
  source: "original",
  ...over,
});

describe("buildDataset", () => {
  it("keeps one copy of the same code and label, whitespace aside, and drops codes that have both labels", () => {
    const built = buildDataset({
      examples: [
        example({}),
        example({ code: "int f() {\n  return 1;\n}", source: "fix:after" }),
        example({ code: "int f() { return 0; }", label: 0, source: "mutant:return-values" }),
        example({ key: "B.java:B#g()", code: "int g() { return 2; }" }),
        example({ key: "C.java:C#g()", code: "int g() { return 2; }", label: 0, source: "fix:before" }),
        example({ key: "C.java:C#g()", code: "int g()  { return 2; }", label: 0, source: "fix:before" }),
      ],
      split: [1, 0, 0],
      seed: 0,
    });
    expect(built.splits.train.map((l) => [l.code, l.label, l.source])).toEqual([
      ["int f() { return 1; }", 1, "original"],
      ["int f() { return 0; }", 0, "mutant:return-values"],
    ]);
    expect(built.duplicates).toBe(2);
    expect(built.conflicting).toBe(3);
    expect(built.conflictingCodes).toBe(1);
    expect(built.byLabel).toEqual({ "0": 1, "1": 1 });
    expect(built.bySource).toEqual({ "mutant:return-values": 1, original: 1 });
  });

  it("puts every method key in exactly one split, in about the asked proportions", () => {
    const examples: DatasetExample[] = [];
    for (let m = 0; m < 2000; m++) {
      const key = `src/M${m % 500}.java:M#f${m}()`;
      examples.push(example({ key, code: `int f${m}() { return ${m}; }` }));
      examples.push(
        example({ key, code: `int f${m}() { return ${m + 1}; }`, label: 0, source: "mutant:change-literal" }),
      );
    }
    const built = buildDataset({ examples, split: [0.8, 0.1, 0.1], seed: 3 });
    const owner = new Map<string, string>();
    for (const [name, lines] of Object.entries(built.splits)) {
      for (const line of lines) {
        expect(owner.get(line.key) ?? name).toBe(name);
        owner.set(line.key, name);
      }
    }
    expect(owner.size).toBe(2000);
    expect(built.bySplit.train.keys).toBeGreaterThan(1500);
    expect(built.bySplit.train.keys).toBeLessThan(1700);
    expect(built.bySplit.valid.keys).toBeGreaterThan(150);
    expect(built.bySplit.test.keys).toBeGreaterThan(150);
    const total = built.bySplit.train.examples + built.bySplit.valid.examples + built.bySplit.test.examples;
    expect(total).toBe(4000);
  });

  it("gives the same bytes for the same seed, another split for another seed, ids unique", () => {
    const examples = Array.from({ length: 200 }, (_, i) =>
      example({ key: `K${i}`, code: `int f() { return ${i}; }`, label: (i % 2) as 0 | 1 }),
    );
    const render = (seed: number) => {
      const built = buildDataset({ examples, split: [0.5, 0.25, 0.25], seed });
      return ["train", "valid", "test"].map((n) => renderDatasetLines(built.splits[n as "train"])).join("|");
    };
    expect(render(1)).toBe(render(1));
    expect(render(1)).not.toBe(render(2));
    const ids = buildDataset({ examples, split: [1, 0, 0], seed: 0 }).splits.train.map((l) => l.id);
    expect(new Set(ids).size).toBe(200);
  });

  it("writes the contract's keys in order", () => {
    const built = buildDataset({ examples: [example({ task: "Returns one." })], split: [1, 0, 0], seed: 0 });
    const line = JSON.parse(renderDatasetLines(built.splits.train));
    expect(Object.keys(line)).toEqual(["id", "task", "code", "label", "key", "source"]);
    expect(line).toMatchObject({ task: "Returns one.", label: 1, key: "A.java:A#f()", source: "original" });
  });
});

describe("option parsing", () => {
  it("accepts three non-negative fractions summing to 1, and nothing else", () => {
    expect(parseSplit("0.8,0.1,0.1")).toEqual([0.8, 0.1, 0.1]);
    expect(parseSplit("1,0,0")).toEqual([1, 0, 0]);
    for (const bad of ["0.8,0.2", "0.5,0.5,0.5", "1.2,-0.1,-0.1", "a,b,c", "0.8,0.1,0.1,0", ""]) {
      expect(() => parseSplit(bad)).toThrow(/--split .*three non-negative numbers/);
    }
  });

  it("reads --from lists, comma-separated or repeated, files by path", () => {
    expect(parseSources(["mutants,fixes", "labels.jsonl", "mutants"])).toEqual([
      { kind: "mutants" },
      { kind: "fixes" },
      { kind: "file", path: "labels.jsonl" },
    ]);
    expect(() => parseSources(["mutants,"])).toThrow(/empty source/);
  });

  it("compiles the fix pattern case-insensitively and says when it is not a regex", () => {
    expect(parseFixPattern("^fix").test("FIX it")).toBe(true);
    expect(() => parseFixPattern("(unclosed")).toThrow(
      /--fix-pattern "\(unclosed": not a valid regular expression/,
    );
    expect(() => parseCount("-1", "--per-method", 0, 10)).toThrow(/expected a whole number from 0 to 10/);
  });

  it("the default fix pattern takes fix words and closing references, not bare PR numbers", () => {
    const pattern = parseFixPattern();
    for (const yes of [
      "Fix off-by-one in Foo.bar",
      "fixes NPE",
      "Bugfix: x",
      "hotfix",
      "regression in parser",
      "Closes #12",
      "defect 7",
    ]) {
      expect(pattern.test(yes)).toBe(true);
    }
    for (const no of [
      "Add prefix option",
      "Feature: export (#123)",
      "Refactor",
      "debug logging",
      "suffixed names",
    ]) {
      expect(pattern.test(no)).toBe(false);
    }
  });
});
