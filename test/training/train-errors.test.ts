// Bad input and failures of `java-judge train`: one line on stderr, exit 2 (bad input) or 1 (a failure).
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { ensureLlamaCpp } from "../../src/training/ensure-llama-cpp.js";
import { ensureTrainingPython } from "../../src/training/ensure-training-python.js";
import { runPythonStep } from "../../src/training/run-python-step.js";
import { trainJudge } from "../../src/training/train-judge.js";
import { TrainingError } from "../../src/training/training-errors.js";
import { venvPython } from "../../src/training/training-paths.js";
import { makeMarkerDataset, toJsonl } from "./make-marker-dataset.js";
import { buildTinyCheckpoint, type TinyCheckpoint } from "./tiny-checkpoint.js";

const execute = promisify(execFile);
const MINUTES = 60_000;

let dir = "";
let python = "";
let checkpoint: TinyCheckpoint;
let data = "";

beforeAll(async () => {
  python = (await ensureTrainingPython({ log: (line) => process.stderr.write(`${line}\n`) })).python;
  checkpoint = await buildTinyCheckpoint({ python });
  dir = mkdtempSync(join(tmpdir(), "java-judge-train-errors-"));
  data = join(dir, "data.jsonl");
  writeFileSync(data, toJsonl(makeMarkerDataset("marker", 10, 1)));
}, 15 * MINUTES);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function train(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = join(dir, "out.gguf");
  try {
    await execute(process.execPath, ["bin/java-judge.js", "train", "--out", out, ...args], {
      env: { ...process.env, JUDGE_LOCAL_CATALOG: join(dir, "catalog.json"), ...env },
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

/** A copy of the tiny checkpoint with some of its files. */
function copyOf(name: string, files: string[]): string {
  const out = join(dir, name);
  mkdirSync(out);
  for (const f of files) copyFileSync(join(checkpoint.dir, f), join(out, f));
  return out;
}

const WEIGHTS = ["config.json", "model.safetensors"];
const TOKENIZER = ["tokenizer.json", "tokenizer.model", "tokenizer_config.json"];

/** The pipeline's checks, before anything is installed or trained. */
function trainInProcess(
  base: string,
  dataPath: string,
  out = join(dir, "out.gguf"),
  keepCheckpoint?: string,
) {
  return trainJudge({
    ...(keepCheckpoint === undefined ? {} : { keepCheckpoint }),
    base,
    data: dataPath,
    out,
    epochs: 1,
    loraRank: 8,
    full: false,
    batchSize: 8,
    maxTokens: 512,
    outtype: "f32",
    seed: 0,
    log: () => undefined,
  });
}

describe("java-judge train refuses bad input in one line", () => {
  it("a --base that does not exist: one line, exit 2", async () => {
    const missing = await train(["--base", join(dir, "nope"), "--data", data]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^java-judge: --base .*nope is not a directory: pass a Hugging Face checkpoint[^\n]*\n$/,
    );
  });

  it("a --base that is not a checkpoint or has no tokenizer", async () => {
    const noConfig = copyOf("no-config", ["model.safetensors", ...TOKENIZER]);
    await expect(trainInProcess(noConfig, data)).rejects.toThrow(
      /^--base .*no-config is not a Hugging Face checkpoint: it has no config\.json$/,
    );
    const noWeights = copyOf("no-weights", ["config.json", ...TOKENIZER]);
    await expect(trainInProcess(noWeights, data)).rejects.toThrow(/no-weights has no weights/);
    const noTokenizer = copyOf("no-tokenizer", WEIGHTS);
    await expect(trainInProcess(noTokenizer, data)).rejects.toThrow(
      /^--base .*no-tokenizer has no tokenizer \(tokenizer\.json or tokenizer\.model\)/,
    );
    await expect(trainInProcess(noTokenizer, data)).rejects.toBeInstanceOf(UsageError);
  });

  it("data that is empty or of one class, and an --out that is not a .gguf", async () => {
    const base = checkpoint.dir;
    writeFileSync(join(dir, "empty.jsonl"), "");
    await expect(trainInProcess(base, join(dir, "empty.jsonl"))).rejects.toThrow(
      /^--data .*empty\.jsonl: no examples \(the file is empty\)$/,
    );
    writeFileSync(join(dir, "ones.jsonl"), toJsonl(makeMarkerDataset("all-correct", 10, 2)));
    await expect(trainInProcess(base, join(dir, "ones.jsonl"))).rejects.toThrow(
      /^--data: every training example has label 1 \(correct\); a judge needs examples labelled 0 \(incorrect\) too/,
    );
    writeFileSync(join(dir, "zeros.jsonl"), toJsonl(makeMarkerDataset("all-incorrect", 10, 2)));
    await expect(trainInProcess(base, join(dir, "zeros.jsonl"))).rejects.toThrow(
      /every training example has label 0/,
    );
    await expect(trainInProcess(base, data, join(dir, "model.bin"))).rejects.toThrow(
      /must name a \.gguf file/,
    );
    await expect(trainInProcess(base, data, join(dir, "no-dir", "m.gguf"))).rejects.toThrow(/does not exist/);
    await expect(trainInProcess(base, data, join(dir, "m.gguf"), dir)).rejects.toThrow(
      /^--keep-checkpoint .* exists already: name a new directory$/,
    );
  });

  it("a tokenizer transformers cannot load: the trainer's own line, exit 2", {
    timeout: 5 * MINUTES,
  }, async () => {
    const broken = copyOf("broken-tokenizer", [...WEIGHTS, "tokenizer_config.json"]);
    writeFileSync(join(broken, "tokenizer.json"), "{ not json");
    const result = await train(["--base", broken, "--data", data]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(
      /^java-judge: --base .*broken-tokenizer has no tokenizer transformers can load \(/,
    );
  });

  it("a chat-format template on a base without a chat template: the model named, exit 2", {
    timeout: 5 * MINUTES,
  }, async () => {
    const template = {
      text: "{description}\n{signature}\n{code}\nCorrect?",
      correct: "Yes",
      incorrect: "No",
      format: "chat",
    };
    const entry = { name: "chat-tpl", role: "judge", file: "x.gguf", url: null, sha256: null, template };
    writeFileSync(join(dir, "catalog.json"), JSON.stringify({ models: [entry] }));
    const result = await train(["--base", checkpoint.dir, "--data", data, "--template", "chat-tpl"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(
      /^java-judge: --base .* has no chat template \(tokenizer\.chat_template\): a chat-format judge needs one/,
    );
  });
});

describe("java-judge train reports failures in one line", () => {
  it("no python3 (and no JUDGE_TRAIN_PYTHON): exit 1", async () => {
    const result = await train(["--base", checkpoint.dir, "--data", data], {
      PATH: mkdtempSync(join(dir, "empty-path-")),
      JUDGE_TRAIN_PYTHON: "",
      JAVA_JUDGE_CACHE: join(dir, "empty-cache"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(
      /^java-judge: no python3 found: install Python 3\.10 or later \(with venv\), or set JUDGE_TRAIN_PYTHON/,
    );
  });

  it("pip cannot install the requirements: exit 1 with pip's reason", { timeout: 5 * MINUTES }, async () => {
    const wheels = mkdtempSync(join(dir, "no-wheels-"));
    const result = await train(["--base", checkpoint.dir, "--data", data], {
      JUDGE_TRAIN_PYTHON: "",
      JAVA_JUDGE_CACHE: join(dir, "fresh-cache"),
      // An index with nothing in it: pip fails at once instead of reaching a network.
      PIP_CONFIG_FILE: "/dev/null",
      PIP_NO_INDEX: "1",
      PIP_FIND_LINKS: wheels,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/creating the training environment .*fresh-cache/);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(
      /^java-judge: pip could not install training\/requirements\.txt: .*(torch|distribution)/i,
    );
  });

  it("JUDGE_TRAIN_PYTHON without the training packages", async () => {
    const bare = join(dir, "bare-venv");
    await execute("python3", ["-m", "venv", "--without-pip", bare]);
    const ensure = ensureTrainingPython({ log: () => undefined, python: venvPython(bare) });
    await expect(ensure).rejects.toBeInstanceOf(TrainingError);
    await expect(ensure).rejects.toThrow(
      /^JUDGE_TRAIN_PYTHON=.*bare-venv.* lacks the training packages \(missing: torch, transformers, peft/,
    );
  });

  it("the converter fails: llama.cpp's converter and its reason, exit 1", {
    timeout: 5 * MINUTES,
  }, async () => {
    const llamaCpp = await ensureLlamaCpp({ log: () => undefined });
    const empty = mkdtempSync(join(dir, "not-a-model-"));
    const step = runPythonStep({
      python,
      script: "convert.py",
      args: ["--llama-cpp", llamaCpp, "--model", empty, "--outfile", join(dir, "x.gguf")],
    });
    await expect(step).rejects.toBeInstanceOf(TrainingError);
    await expect(step).rejects.toThrow(/^llama\.cpp's converter failed \(exit 1\): .*config\.json/);
    expect(existsSync(join(dir, "x.gguf")) || existsSync(join(dir, "x.gguf.part"))).toBe(false);
  });

  it("the step protocol: bad input is a UsageError, a crash a TrainingError", async () => {
    const step = runPythonStep({
      python,
      script: "merge.py",
      args: ["--base", dir, "--adapter", dir, "--out", dir],
    });
    await expect(step).rejects.toBeInstanceOf(UsageError);
    await expect(step).rejects.toThrow(/holds no LoRA adapter/);
    const crash = runPythonStep({ python, script: "no-such-step.py", args: [] });
    await expect(crash).rejects.toBeInstanceOf(TrainingError);
    await expect(crash).rejects.toThrow(/^no-such-step\.py failed \(exit 2\): .*No such file/);
  });
});
