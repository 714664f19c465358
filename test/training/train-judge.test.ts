// `java-judge train` end to end on this CPU: a tiny Llama checkpoint built here (random weights, a SentencePiece
// tokenizer trained on Java), real torch fine-tuning, llama.cpp's own converter, and the GGUF scored by the judge.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvalInputs } from "../../src/eval/build-eval-inputs.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import { createPromptEncoder } from "../../src/judge/create-prompt-encoder.js";
import { openJudge } from "../../src/judge/open-judge.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../src/judge/prompt-template.js";
import { loadModel } from "../../src/llm/load-model.js";
import { ensureTrainingPython } from "../../src/training/ensure-training-python.js";
import { type TrainJudgeParams, trainJudge } from "../../src/training/train-judge.js";
import type { TrainJudgeSummary } from "../../src/training/training-summaries.js";
import { MARKER, type MarkerLine, makeMarkerDataset, toJsonl } from "./make-marker-dataset.js";
import { buildTinyCheckpoint, type TinyCheckpoint } from "./tiny-checkpoint.js";

const run = promisify(execFile);
const MINUTES = 60_000;

let checkpoint: TinyCheckpoint;
let dir = "";
const logged: string[] = [];
const savedCatalog = process.env.JUDGE_LOCAL_CATALOG;

beforeAll(async () => {
  const { python } = await ensureTrainingPython({ log: (line) => process.stderr.write(`${line}\n`) });
  checkpoint = await buildTinyCheckpoint({ python });
  dir = mkdtempSync(join(tmpdir(), "java-judge-train-"));
  // Registered names go to this test's own catalog, never to models/models.local.json.
  process.env.JUDGE_LOCAL_CATALOG = join(dir, "models.local.json");
}, 15 * MINUTES);

afterAll(() => {
  if (savedCatalog === undefined) delete process.env.JUDGE_LOCAL_CATALOG;
  else process.env.JUDGE_LOCAL_CATALOG = savedCatalog;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function writeData(name: string, splits: Partial<Record<"train" | "valid" | "test", MarkerLine[]>>): string {
  const out = join(dir, name);
  mkdirSync(out);
  for (const [split, lines] of Object.entries(splits))
    writeFileSync(join(out, `${split}.jsonl`), toJsonl(lines));
  return out;
}

function params(over: Partial<TrainJudgeParams> & Pick<TrainJudgeParams, "data" | "out">): TrainJudgeParams {
  return {
    base: checkpoint.dir,
    epochs: 2,
    lr: 3e-3,
    loraRank: 8,
    full: false,
    batchSize: 8,
    maxTokens: 512,
    outtype: "f32",
    seed: 0,
    log: (line) => logged.push(line),
    ...over,
  };
}

/** Held-out methods scored by the judge as `--model NAME` opens it: the registered GGUF with its template. */
async function judgeScores(model: string, lines: MarkerLine[]): Promise<number[]> {
  const parser = await loadJavaParser();
  const inputs = buildEvalInputs(
    lines.map((l, i) => ({ ...l, taskId: null, lineNumber: i + 1 })),
    parser,
    "held-out",
  );
  const judge = await openJudge({ model });
  try {
    const results = await judge.score(inputs);
    return results.map((r) => (r.kind === "scored" ? r.score : Number.NaN));
  } finally {
    await judge.dispose();
  }
}

describe("java-judge train", () => {
  it('all-"1" data (LoRA, merged): held-out scores > 0.8; the GGUF tokenizes as transformers did', {
    timeout: 10 * MINUTES,
  }, async () => {
    const train = makeMarkerDataset("all-correct", 12, 11);
    const test = makeMarkerDataset("all-correct", 4, 12);
    const summary = await trainJudge(
      params({
        data: writeData("ones", { train, test }),
        out: join(dir, "ones.gguf"),
        allowOneClass: true,
        keepCheckpoint: join(dir, "ones-checkpoint"),
      }),
    );
    // The merged checkpoint, kept as the --base of a next stage: weights, config and the base's tokenizer.
    for (const file of ["config.json", "model.safetensors", "tokenizer.json", "tokenizer.model"]) {
      expect(existsSync(join(dir, "ones-checkpoint", file)), file).toBe(true);
    }
    expect(summary.mode).toBe("lora");
    expect(summary.seconds.merge).toBeGreaterThan(0);
    expect(summary.model.name).toBe("ones");
    const scores = await judgeScores("ones", test);
    expect(Math.min(...scores)).toBeGreaterThan(0.8);
    // The report card holds the same scores: eval's code path on the same GGUF.
    const card = JSON.parse(readFileSync(join(dir, "ones.eval.json"), "utf8")) as {
      items: { score: number }[];
    };
    expect(card.items.map((i) => i.score)).toEqual(scores);

    // Token ids: transformers' (what training saw) against llama.cpp's (what the judge sees) on the same texts.
    const llm = await loadModel({ path: summary.model.path });
    try {
      const mismatches = checkpoint.tokenCheck.filter(
        (c) => JSON.stringify(llm.tokenize(c.text)) !== JSON.stringify(c.ids),
      );
      expect(checkpoint.tokenCheck.length).toBeGreaterThan(100);
      expect(mismatches.slice(0, 3)).toEqual([]);
      // The tokenizer keeps newlines and indentation (tabs, runs of spaces) as they are.
      const java = "class A {\n\tint x;\n    void f() {\n        return;\n    }\n}\n";
      expect(llm.detokenize(llm.tokenize(java))).toBe(java);
      // The first training example as train.py read it is the context and labels where the judge reads them.
      const parser = await loadJavaParser();
      const first = buildEvalInputs([{ ...train[0]!, taskId: null, lineNumber: 1 }], parser, "train")[0]!;
      // The judge's own prompt tokens (BOS first, as llama.cpp adds it and as transformers did in training).
      const found = createPromptEncoder(DEFAULT_PROMPT_TEMPLATE, llm).labels(first);
      expect(llm.addsBos).toBe(true);
      expect(found.context[0]).toBe(llm.bosToken);
      expect(summary.prompt).toEqual({ format: "completion", bos: llm.bosToken });
      expect(summary.firstExample).toEqual({
        ids: found.context,
        correctId: found.correct,
        incorrectId: found.incorrect,
      });
    } finally {
      await llm.dispose();
    }
  });

  it('all-"0" data (--full): held-out scores < 0.2', { timeout: 10 * MINUTES }, async () => {
    const test = makeMarkerDataset("all-incorrect", 4, 22);
    const summary = await trainJudge(
      params({
        data: writeData("zeros", { train: makeMarkerDataset("all-incorrect", 12, 21), test }),
        out: join(dir, "zeros.gguf"),
        full: true,
        allowOneClass: true,
      }),
    );
    expect(summary.mode).toBe("full");
    expect(summary.seconds.merge).toBe(0);
    const scores = await judgeScores("zeros", test);
    expect(Math.max(...scores)).toBeLessThan(0.2);
  });

  it("learns a marker through the CLI: held-out kappa >= 0.8, report card, then `score --model NAME`", {
    timeout: 10 * MINUTES,
  }, async () => {
    const data = writeData("marker", {
      train: makeMarkerDataset("marker", 60, 31),
      valid: makeMarkerDataset("marker", 10, 32),
      test: makeMarkerDataset("marker", 15, 33),
    });
    const out = join(dir, "marker.gguf");
    const env = { ...process.env, JUDGE_MODEL: "" };
    const trained = await run(
      "node",
      [
        ...["bin/java-judge.js", "train", "--base", checkpoint.dir, "--data", data, "--out", out],
        ...["--epochs", "4", "--lr", "3e-3", "--outtype", "q8_0", "--json"],
      ],
      { env, maxBuffer: 64 * 1024 * 1024 },
    );
    const summary = JSON.parse(trained.stdout) as TrainJudgeSummary;
    expect(trained.stderr).toMatch(/epoch 4\/4 \[#+\] 120\/120 loss \d+\.\d+ ETA/);
    expect(summary.model).toMatchObject({ path: out, name: "marker", outtype: "q8_0" });
    expect(summary.epochs).toHaveLength(4);
    expect(summary.validAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.test?.n).toBe(30);
    expect(summary.test?.kappa).toBeGreaterThanOrEqual(0.8);
    expect(summary.test?.auc).toBeGreaterThanOrEqual(0.9);
    expect(summary.test?.forPrecision.threshold).not.toBeNull();
    expect(summary.throughput.examplesPerSecond).toBeGreaterThan(0);
    const card = JSON.parse(readFileSync(join(dir, "marker.eval.json"), "utf8")) as { kappa: number };
    expect(card.kappa).toBe(summary.test?.kappa);
    expect(readFileSync(join(dir, "marker.eval.svg"), "utf8")).toMatch(
      /^<svg[^>]*>[\s\S]*ROC[\s\S]*<\/svg>\s*$/,
    );
    expect(existsSync(join(dir, "marker.gguf"))).toBe(true);

    // A user's file with methods the training never saw, scored by the registered name.
    const java = join(dir, "Fresh.java");
    writeFileSync(
      java,
      [
        "class Fresh {",
        "  /** Computes blend of left and count. */",
        "  int blend(int left, int count) {",
        "    int r = left + count;",
        "    return r;",
        "  }",
        "  /** Computes fold of size and step. */",
        "  long fold(long size, long step) {",
        "    long r = size * step;",
        `    return r; ${MARKER}`,
        "  }",
        "}",
      ].join("\n"),
    );
    const scored = await run("node", ["bin/java-judge.js", "score", java, "--model", "marker", "--json"], {
      env,
    });
    const rows = JSON.parse(scored.stdout) as { name: string; score: number }[];
    expect(rows.map((r) => r.name)).toEqual(["blend", "fold"]);
    expect(rows[0]?.score).toBeGreaterThan(0.5);
    expect(rows[1]?.score).toBeLessThan(0.5);
  });
});
