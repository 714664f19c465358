import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDataset } from "../../../src/eval/parse-dataset.js";
import { FIXTURE_DIR, parseTasks, renderDatasets } from "../../fixtures/eval/build-datasets.js";

const read = (name: string) => readFileSync(join(FIXTURE_DIR, name), "utf8");

describe("eval fixtures", () => {
  const candidates = parseTasks(read("tasks.java.txt"));

  it("eval.jsonl and rank-eval.jsonl are generated from tasks.java.txt (run build-datasets.ts)", () => {
    const rendered = renderDatasets(candidates);
    expect(read("eval.jsonl")).toBe(rendered.eval);
    expect(read("rank-eval.jsonl")).toBe(rendered.rank);
  });

  it("holds a few dozen methods of both labels, every task with a correct and a wrong one", () => {
    const lines = parseDataset({
      text: read("rank-eval.jsonl"),
      source: "rank-eval.jsonl",
      requireTaskId: true,
    });
    expect(lines.length).toBeGreaterThanOrEqual(30);
    const byTask = new Map<string | null, typeof lines>();
    for (const l of lines) byTask.set(l.taskId, [...(byTask.get(l.taskId) ?? []), l]);
    expect(byTask.size).toBeGreaterThanOrEqual(10);
    for (const [task, group] of byTask) {
      expect(new Set(group.map((g) => g.label)), String(task)).toEqual(new Set([0, 1]));
    }
  });
});
