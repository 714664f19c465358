import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const run = promisify(execFile);
const DATASET = "test/fixtures/eval/eval.jsonl";
const RANK_DATASET = "test/fixtures/eval/rank-eval.jsonl";

async function cli(args: string[]) {
  return run("node", ["bin/java-judge.js", ...args], { maxBuffer: 16 * 1024 * 1024 });
}

/** The fixture with a marker comment in every incorrect method: a flagIfContains model then judges perfectly. */
async function markIncorrect(source: string, dir: string, keep?: number): Promise<string> {
  const lines = (await readFile(source, "utf8")).trim().split("\n").slice(0, keep);
  const marked = lines.map((l) => {
    const o = JSON.parse(l) as { code: string; label: number };
    if (o.label === 0) o.code = o.code.replace("{\n", "{ // BUG\n");
    return JSON.stringify(o);
  });
  const path = join(dir, `marked-${source.split("/").pop()}`);
  await writeFile(path, `${marked.join("\n")}\n`);
  return path;
}

describe("java-judge eval and rank-eval on tiny models", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jj-eval-"));
  });

  it("eval --json --plot on the whole fixture with a random model: the contract, ranges, the SVG", async () => {
    const model = await writeTinyGguf({ behaviour: "random" });
    const plot = join(dir, "plot.svg");
    const { stdout, stderr } = await cli([
      "eval",
      "--dataset",
      DATASET,
      "--model",
      model,
      "--plot",
      plot,
      "--json",
    ]);
    const r = JSON.parse(stdout);
    expect(r.n).toBe(40);
    expect(r.threshold).toBe(0.5);
    for (const k of [
      "accuracy",
      "precision",
      "recall",
      "f1",
      "kappa",
      "auc",
      "macroF1",
      "ece",
      "items",
      "reliability",
      "sweep",
    ]) {
      expect(r, k).toHaveProperty(k);
    }
    expect(r.items).toHaveLength(40);
    for (const item of r.items) {
      expect(Object.keys(item).sort()).toEqual(["id", "label", "score"]);
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThan(1);
    }
    for (const k of ["accuracy", "auc", "ece"]) {
      expect(r[k]).toBeGreaterThanOrEqual(0);
      expect(r[k]).toBeLessThanOrEqual(1);
    }
    expect(r.kappa).toBeGreaterThanOrEqual(-1);
    expect(r.kappa).toBeLessThanOrEqual(1);
    expect(r.reliability).toHaveLength(10);
    expect(r.reliability.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(40);
    expect(r.incorrect.support + r.correct.support).toBe(40);
    expect(stderr).toMatch(/scoring: 40\/40/);
    const svg = await readFile(plot, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<polyline");
  }, 240_000);

  it('a prefer "1" model passes everything: nothing flagged, precision undefined with a reason', async () => {
    const model = await writeTinyGguf({ behaviour: { prefer: "1" } });
    const { stdout } = await cli(["eval", "--dataset", DATASET, "--model", model, "--json"]);
    const r = JSON.parse(stdout);
    expect(r.confusion).toEqual({ tp: 0, fp: 0, fn: 23, tn: 17 });
    expect(r).toMatchObject({ accuracy: 17 / 40, precision: null, recall: 0, kappa: 0 });
    expect(r.reasons.precision).toMatch(/no method was flagged/);
  });

  it("a model that flags the marker judges the marked fixture perfectly (eval and rank-eval)", async () => {
    const model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
    const marked = await markIncorrect(DATASET, dir, 16);
    const e = JSON.parse((await cli(["eval", "--dataset", marked, "--model", model, "--json"])).stdout);
    expect(e).toMatchObject({ n: 16, accuracy: 1, precision: 1, recall: 1, kappa: 1, auc: 1 });
    const markedRank = await markIncorrect(RANK_DATASET, dir, 16);
    const rank = JSON.parse(
      (await cli(["rank-eval", "--dataset", markedRank, "--model", model, "--json"])).stdout,
    );
    // the first 16 lines: clamp (4), index-of (4), palindrome (4), sum-range (3), count-vowels (1, correct)
    expect(rank).toMatchObject({ tasks: 5, candidates: 16, judgePass1: 1, bestPass1: 1 });
    expect(rank.randomPass1).toBeCloseTo((2 / 4 + 1 / 4 + 2 / 4 + 1 / 3 + 1) / 5, 12);
  });

  it("eval reads labelled constructors without a key; a line that is not one method exits 2 saying what it is", async () => {
    const model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
    const lines = [
      {
        id: "a",
        task: "Utility class.",
        code: "@Deprecated\npublic BooleanUtils() {\n    // nothing\n}",
        label: 1,
      },
      {
        id: "b",
        task: "Wraps a value.",
        code: "public <T> Box(T value) {\n    this.value = null; // BUG\n}",
        label: 0,
      },
      {
        id: "c",
        code: "/** Checks x. */\npublic Point {\n    if (x < 0) throw new IllegalArgumentException();\n}",
        label: 1,
      },
      {
        id: "d",
        code: "Color(String hex) {\n    this.hex = hex; // BUG\n}",
        label: 0,
        key: "P.java:P.Color#Color(String)",
      },
    ];
    const dataset = join(dir, "constructors.jsonl");
    await writeFile(dataset, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const r = JSON.parse((await cli(["eval", "--dataset", dataset, "--model", model, "--json"])).stdout);
    expect(r).toMatchObject({ n: 4, accuracy: 1, confusion: { tp: 2, fp: 0, fn: 0, tn: 2 } });
    const two = join(dir, "two-methods.jsonl");
    await writeFile(
      two,
      `${JSON.stringify({ id: "t", code: "int a() { return 1; }\nint b() { return 2; }", label: 1 })}\n`,
    );
    await expect(cli(["eval", "--dataset", two, "--model", model, "--json"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'two-methods.jsonl line 1: "code" of "t" does not parse as one Java method: found 2 declarations (method a, method b)',
      ),
    });
  });

  it("rank-eval on the whole fixture with a random model, and bad input exits 2 naming the line", async () => {
    const model = await writeTinyGguf({ behaviour: "random" });
    const r = JSON.parse(
      (await cli(["rank-eval", "--dataset", RANK_DATASET, "--model", model, "--json"])).stdout,
    );
    expect(r).toMatchObject({ tasks: 11, candidates: 40, bestPass1: 1 });
    expect(r.perTask).toHaveLength(11);
    // a whole number of the 11 picks is correct
    expect(Math.abs(r.judgePass1 * 11 - Math.round(r.judgePass1 * 11))).toBeLessThan(1e-9);
    expect(r.judgePass1).toBeCloseTo(
      r.perTask.filter((t: { pickLabel: number }) => t.pickLabel === 1).length / 11,
      12,
    );
    const bad = join(dir, "bad.jsonl");
    await writeFile(
      bad,
      `${JSON.stringify({ id: "a", code: "int f() { return 1; }", label: 1 })}\n{"id": "b"\n`,
    );
    await expect(cli(["eval", "--dataset", bad, "--model", model, "--json"])).rejects.toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^java-judge: .*bad.jsonl line 2: not valid JSON/),
    });
    await expect(cli(["rank-eval", "--dataset", DATASET, "--model", model])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('eval.jsonl line 1: "task_id" is missing'),
    });
  }, 240_000);
});
