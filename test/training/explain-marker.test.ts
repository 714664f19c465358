// Occlusion measured on a judge trained for it: `java-judge train` on real Java methods (test fixtures) whose
// incorrect copies carry one wrong line (the marker `// BUG` appended to a random body line), then held-out methods
// the training never saw, explained: the top line must be the marked one for >= 90% of the flagged ones, in the
// attribution, in `score --explain --json` and in the review comment. Control: the same base checkpoint untrained.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../../bench/create-random.js";
import { explainMethods } from "../../src/explain/explain-methods.js";
import { selectOcclusionLines } from "../../src/explain/select-occlusion-lines.js";
import type { MethodExplanation } from "../../src/explain/types.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import type { ExtractedMethod } from "../../src/java/types.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { judgeInputFromMethod } from "../../src/judge/judge-input-from-method.js";
import { renderCommentBody } from "../../src/review/render-comment-body.js";
import { ensureLlamaCpp } from "../../src/training/ensure-llama-cpp.js";
import { ensureTrainingPython } from "../../src/training/ensure-training-python.js";
import { runPythonStep } from "../../src/training/run-python-step.js";
import { MARKER, toJsonl } from "./make-marker-dataset.js";
import { buildTinyCheckpoint, type TinyCheckpoint } from "./tiny-checkpoint.js";

const run = promisify(execFile);
const MINUTES = 60_000;
const ROOT = join(import.meta.dirname, "../fixtures");
const SOURCES = ["java", "generations", "dataset", "diffs"].flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => f.endsWith(".java") && f !== "Broken.java")
    .sort()
    .map((f) => join(ROOT, d, f)),
);

interface Usable {
  method: ExtractedMethod;
  /** Indices (into the method's lines) occlusion would try. */
  tried: number[];
}

/** Fixture methods with at least two lines to try, each text once. */
async function usableMethods(): Promise<Usable[]> {
  const parser = await loadJavaParser();
  const seen = new Set<string>();
  const out: Usable[] = [];
  for (const file of SOURCES) {
    for (const m of parser.extractMethods(file, readFileSync(file, "utf8"))) {
      const code = judgeInputFromMethod(m).code;
      const tried = selectOcclusionLines({ code, signature: m.signature, maxLines: 1000 }).lines.map(
        (l) => l.index,
      );
      // Short methods (the two of 600+ characters left out): a 64-wide, 2-layer model learns the marker sooner.
      if (m.hasError || tried.length < 2 || code.length > 400 || m.text.includes("BUG") || seen.has(m.text))
        continue;
      seen.add(m.text);
      out.push({ method: m, tried });
    }
  }
  return out;
}

/** The method's text with the marker at the end of line `index` (of the dedented code). */
function mark(code: string, index: number): string {
  return code
    .split("\n")
    .map((l, i) => (i === index ? `${l} ${MARKER}` : l))
    .join("\n");
}

function evalLine(m: ExtractedMethod, code: string, label: 0 | 1, id: string) {
  return { id, task: m.javadoc ?? `Method ${m.name}.`, code, label, key: `${m.path}:${m.key}` };
}

let checkpoint: TinyCheckpoint;
let python = "";
let dir = "";
let held: { method: ExtractedMethod; index: number }[] = [];
let trainedGguf = "";
let untrainedGguf = "";
let trainSeconds = 0;
/** A held-out copy the trained judge flagged and explained right (for the CLI test). */
let namedRight: { method: ExtractedMethod; index: number } | undefined;

beforeAll(async () => {
  ({ python } = await ensureTrainingPython({ log: (line) => process.stderr.write(`${line}\n`) }));
  checkpoint = await buildTinyCheckpoint({ python });
  dir = mkdtempSync(join(tmpdir(), "java-judge-explain-"));
  process.env.JUDGE_LOCAL_CATALOG = join(dir, "models.local.json");

  // Methods split by method: a third held out, never seen in training.
  const usable = await usableMethods();
  const random = createRandom(18);
  const order = usable.map((u) => ({ u, r: random() })).sort((a, b) => a.r - b.r);
  const heldOut = order.slice(0, Math.ceil(usable.length / 3)).map((o) => o.u);
  const training = order.slice(heldOut.length).map((o) => o.u);
  // Training: every line of every training method marked once (label 0), the method itself as often (label 1).
  const train = training.flatMap(({ method, tried }) => {
    const code = judgeInputFromMethod(method).code;
    return tried.flatMap((index) => [
      evalLine(method, mark(code, index), 0, `${method.key}-bug${index}`),
      evalLine(method, code, 1, `${method.key}-ok${index}`),
    ]);
  });
  // Held out: two marked copies of each method, on two different random lines.
  held = heldOut.flatMap(({ method, tried }) => {
    const picks = [...tried].sort(() => random() - 0.5).slice(0, 2);
    return picks.map((index) => ({ method, index }));
  });
  const data = join(dir, "data");
  mkdirSync(data);
  // No validation split: drawn from held-out methods it would choose the epoch by them; train keeps the last.
  writeFileSync(join(data, "train.jsonl"), toJsonl(train));
  process.stderr.write(
    `explain-marker: ${usable.length} fixture methods, ${training.length} to train on (${train.length} examples), ${heldOut.length} held out (${held.length} marked copies)\n`,
  );

  trainedGguf = join(dir, "explain-marker.gguf");
  const started = performance.now();
  await run(
    "node",
    [
      ...["bin/java-judge.js", "train", "--base", checkpoint.dir, "--data", data, "--out", trainedGguf],
      ...["--full", "--epochs", "8", "--lr", "2e-3", "--batch-size", "4", "--outtype", "f32", "--json"],
    ],
    { env: { ...process.env, JUDGE_MODEL: "" }, maxBuffer: 64 * 1024 * 1024 },
  );
  trainSeconds = (performance.now() - started) / 1000;

  // The control: the same base checkpoint, converted as train converts, never trained.
  untrainedGguf = join(dir, "untrained.gguf");
  const llamaCpp = await ensureLlamaCpp({ log: () => {} });
  await runPythonStep({
    python,
    script: "convert.py",
    args: [
      "--llama-cpp",
      llamaCpp,
      "--model",
      checkpoint.dir,
      "--outfile",
      untrainedGguf,
      "--outtype",
      "f32",
    ],
  });
}, 15 * MINUTES);

afterAll(() => {
  delete process.env.JUDGE_LOCAL_CATALOG;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Held-out marked methods scored and explained by a GGUF: the top line of each flagged one against the mark. */
async function attribution(gguf: string, occlusion: "remove" | "blank" = "remove", all = false) {
  const judge = await createModelJudge({ model: gguf, sequences: 1, threads: 1 });
  try {
    const inputs = held.map(({ method, index }) => ({
      ...judgeInputFromMethod(method),
      code: mark(judgeInputFromMethod(method).code, index),
    }));
    const scored = await judge.score(inputs);
    const flagged = held.flatMap((h, i) => {
      const r = scored[i];
      return r?.kind === "scored" && (all || r.score < 0.5) ? [{ h, input: inputs[i]!, score: r.score }] : [];
    });
    const explained = await explainMethods({
      judge,
      targets: flagged.map((f) => ({ input: f.input, startLine: f.h.method.startLine, score: f.score })),
      maxLines: 1000,
      occlusion,
    });
    const hits = flagged.filter((f, k) => {
      const e = explained[k];
      return e?.kind === "explained" && e.lines[0]?.line === f.h.method.startLine + f.h.index;
    }).length;
    return { flagged, explained, hits, rate: flagged.length > 0 ? hits / flagged.length : 0 };
  } finally {
    await judge.dispose();
  }
}

describe("occlusion on a judge trained on a one-line marker", () => {
  it("names the marked line first for >= 90% of the held-out flagged methods; the untrained control does not", {
    timeout: 10 * MINUTES,
  }, async () => {
    const trained = await attribution(trainedGguf);
    const blank = await attribution(trainedGguf, "blank");
    // The control explains every held-out method, flagged or not: its top lines against the marks.
    const control = await attribution(untrainedGguf, "remove", true);
    process.stderr.write(
      `explain-marker: trained in ${trainSeconds.toFixed(1)} s; flagged ${trained.flagged.length}/${held.length}, top-1 ${trained.hits} (${(100 * trained.rate).toFixed(0)}%); blanked lines top-1 ${blank.hits}/${blank.flagged.length}; untrained: top-1 ${control.hits}/${held.length} (${(100 * control.rate).toFixed(0)}%)\n`,
    );
    expect(trained.flagged.length).toBeGreaterThanOrEqual(held.length * 0.9);
    expect(trained.rate).toBeGreaterThanOrEqual(0.9);
    // Untrained, the same held-out methods: the mark is not the top line anywhere near as often.
    expect(control.rate).toBeLessThan(0.9);

    namedRight = trained.flagged.find((f, k) => {
      const e = trained.explained[k];
      return e?.kind === "explained" && e.lines[0]?.line === f.h.method.startLine + f.h.index;
    })?.h;

    // The review comment names it, with its text.
    const k = trained.explained.findIndex((e) => e.kind === "explained");
    const f = trained.flagged[k]!;
    const line = f.h.method.startLine + f.h.index;
    const body = renderCommentBody({
      outcome: {
        path: f.h.method.path,
        key: f.h.method.key,
        hash: f.h.method.hash,
        name: f.h.method.name,
        className: f.h.method.className,
        signature: f.h.method.signature,
        startLine: f.h.method.startLine,
        endLine: f.h.method.endLine,
        change: "modified",
        hasJavadoc: true,
        result: { kind: "scored", score: f.score, flagged: true },
        explanation: trained.explained[k] as MethodExplanation,
      },
      threshold: 0.5,
      suggestionsMode: "off",
    });
    expect(body).toContain(`- line ${line}: \``);
    expect(body).toContain(`${MARKER}\`: score `);
  });

  it("`score --explain --json` names the marked line of a held-out method", {
    timeout: 5 * MINUTES,
  }, async () => {
    expect(namedRight).toBeDefined();
    const { method, index } = namedRight!;
    const code = mark(judgeInputFromMethod(method).code, index);
    const doc = method.javadoc ? `  /** ${method.javadoc.replace(/\*\//g, "")} */\n` : "";
    const file = join(dir, "Held.java");
    writeFileSync(file, `class Held {\n${doc}${code}\n}\n`);
    const line = 2 + (doc ? doc.split("\n").length - 1 : 0) + index;
    const { stdout } = await run(
      "node",
      ["bin/java-judge.js", "score", file, "--model", trainedGguf, "--explain", "--json"],
      { env: { ...process.env, JUDGE_MODEL: "" } },
    );
    const rows = JSON.parse(stdout) as {
      score: number;
      lines?: { line: number; text: string; delta: number }[];
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.score).toBeLessThan(0.5);
    expect(rows[0]?.lines?.[0]).toMatchObject({ line, text: expect.stringContaining(MARKER) });
    expect(rows[0]?.lines?.[0]?.delta).toBeGreaterThan(0);
  });
});
