import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { parseDataset } from "../../../src/eval/parse-dataset.js";

const line = (o: unknown) => JSON.stringify(o);

describe("parseDataset", () => {
  it("reads lines, skips blank ones, keeps line numbers", () => {
    const text = [
      line({ id: "a", task: "Adds.", code: "int f() { return 1; }", label: 1 }),
      "",
      line({ id: 7, code: "void g() {}", label: 0, task_id: "t", key: "A.java:A#g()" }),
    ].join("\n");
    expect(parseDataset({ text, source: "d.jsonl" })).toEqual([
      {
        id: "a",
        task: "Adds.",
        code: "int f() { return 1; }",
        label: 1,
        taskId: null,
        key: null,
        lineNumber: 1,
      },
      { id: "7", task: null, code: "void g() {}", label: 0, taskId: "t", key: "A.java:A#g()", lineNumber: 3 },
    ]);
  });

  it.each([
    ["{nope", /d.jsonl line 2: not valid JSON/],
    [line([1]), /line 2: expected a JSON object/],
    [
      line({ id: "b", code: "x", label: "1" }),
      /line 2: "label" must be 1 \(correct\) or 0 \(incorrect\), got "1"/,
    ],
    [line({ id: "b", label: 1 }), /line 2: "code" must be a non-empty string/],
    [line({ code: "x", label: 1 }), /line 2: "id" must be a non-empty string/],
    [line({ id: "a", code: "x", label: 1 }), /line 2: duplicate id "a" \(first on line 1\)/],
    [line({ id: "b", code: "x", label: 1, task: 3 }), /line 2: "task" must be a string/],
    [line({ id: "b", code: "x", label: 1, key: 3 }), /line 2: "key" must be a non-empty string/],
  ])("a bad line %s is a UsageError naming the line", (bad, message) => {
    const text = `${line({ id: "a", code: "x", label: 1 })}\n${bad}`;
    expect(() => parseDataset({ text, source: "d.jsonl" })).toThrow(UsageError);
    expect(() => parseDataset({ text, source: "d.jsonl" })).toThrow(message);
  });

  it("rank-eval requires task_id; an empty file is an error", () => {
    expect(() =>
      parseDataset({ text: line({ id: "a", code: "x", label: 1 }), source: "r", requireTaskId: true }),
    ).toThrow(/r line 1: "task_id" is missing/);
    expect(() => parseDataset({ text: "\n\n", source: "e.jsonl" })).toThrow(/e.jsonl: no examples/);
  });
});
