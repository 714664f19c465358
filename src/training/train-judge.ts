import { cp, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { buildEvalInputs } from "../eval/build-eval-inputs.js";
import { loadJavaParser } from "../java/load-java-parser.js";
import { loadNamedTemplate } from "../judge/load-named-template.js";
import type { PromptTemplate } from "../judge/prompt-template.js";
import { readModelCatalog, SHIPPED_CATALOG_PATH } from "../llm/read-model-catalog.js";
import { checkBaseCheckpoint } from "./check-base-checkpoint.js";
import { ensureLlamaCpp } from "./ensure-llama-cpp.js";
import { ensureTrainingPython } from "./ensure-training-python.js";
import { evaluateTrainedJudge } from "./evaluate-trained-judge.js";
import { loadTrainingData, type TrainingLine } from "./load-training-data.js";
import { registerTrainedModel } from "./register-trained-model.js";
import { renderTrainingLines } from "./render-training-lines.js";
import { runPythonStep } from "./run-python-step.js";
import type { ConvertSummary, MergeSummary, TrainJudgeSummary, TrainSummary } from "./training-summaries.js";

export const OUTTYPES = ["q8_0", "f16", "bf16", "f32"] as const;
export type Outtype = (typeof OUTTYPES)[number];

export interface TrainJudgeParams {
  /** Hugging Face checkpoint directory. */
  base: string;
  /** Directory with train/valid/test.jsonl, or one .jsonl file split here. */
  data: string;
  /** PATH.gguf; the report card goes beside it as PATH.eval.json and PATH.eval.svg. */
  out: string;
  /** A judge of the catalog whose template to train on; default DESIGN's template. */
  template?: string;
  /** The registered name; default the GGUF's file name without .gguf. */
  name?: string;
  /** Also keep the fine-tuned Hugging Face checkpoint (merged) here: the --base of a next stage of training. */
  keepCheckpoint?: string;
  epochs: number;
  /** Default 2e-4 with LoRA, 2e-5 with full fine-tuning (training/train.py). */
  lr?: number;
  loraRank: number;
  full: boolean;
  batchSize: number;
  maxTokens: number;
  outtype: Outtype;
  seed: number;
  log: (line: string) => void;
  /** The Python steps' stderr (their progress bars), as it arrives. */
  onPythonOutput?: (chunk: string) => void;
  /** Tests of the label path train on one class; a judge for real use never should. */
  allowOneClass?: boolean;
}

/** The template's format and system turn: train.py renders a chat template through the checkpoint's own. */
function templateFormat(template: PromptTemplate): string[] {
  return [
    ...(template.format === undefined ? [] : ["--format", template.format]),
    ...(template.system === undefined ? [] : ["--system", template.system]),
  ];
}

/**
 * `java-judge train`, step by step: check the inputs, render the prompts, start the Python steps (train, merge,
 * convert), register the GGUF under its name, and evaluate it on the test split with eval's code path.
 */
export async function trainJudge(params: TrainJudgeParams): Promise<TrainJudgeSummary> {
  const started = performance.now();
  const seconds: TrainJudgeSummary["seconds"] = {
    environment: 0,
    train: 0,
    merge: 0,
    convert: 0,
    eval: 0,
    total: 0,
  };

  // 1. Every input checked before anything slow is installed or run.
  const out = resolve(params.out);
  if (!out.endsWith(".gguf")) throw new UsageError(`--out ${params.out} must name a .gguf file`);
  const outDir = await stat(dirname(out)).catch(() => null);
  if (outDir === null || !outDir.isDirectory()) {
    throw new UsageError(`--out ${params.out}: the directory ${dirname(out)} does not exist`);
  }
  const base = resolve(params.base);
  await checkBaseCheckpoint(base);
  const name = params.name ?? basename(out, ".gguf");
  const shipped = await readModelCatalog(SHIPPED_CATALOG_PATH);
  if (shipped.some((e) => e.name === name)) {
    throw new UsageError(
      `the name ${name} belongs to a model of models/models.json: choose another with --name`,
    );
  }
  const keep = params.keepCheckpoint === undefined ? null : resolve(params.keepCheckpoint);
  if (keep !== null && (await stat(keep).catch(() => null)) !== null) {
    throw new UsageError(`--keep-checkpoint ${params.keepCheckpoint} exists already: name a new directory`);
  }
  const template = await loadNamedTemplate(params.template);
  const data = await loadTrainingData(params.data, params.seed);
  checkClasses(data.train, params.allowOneClass ?? false);

  // 2. The prompts, rendered by the judge's own builder (a method that does not parse is bad input, as in eval).
  const parser = await loadJavaParser();
  const render = (lines: readonly TrainingLine[]) =>
    renderTrainingLines(
      buildEvalInputs(
        lines.map((l) => l.line),
        parser,
        lines[0]?.source ?? params.data,
      ),
      lines.map((l) => l.line.label),
      template,
    );
  const trainLines = render(data.train);
  const validLines = data.valid.length > 0 ? render(data.valid) : null;
  // Rendered only to check it now: a test line that does not parse is bad input before training, not after.
  if (data.test.length > 0) render(data.test);
  params.log(
    `data: ${data.train.length} train, ${data.valid.length} valid, ${data.test.length} test examples` +
      (data.from === "file" ? ` (split by method key, seed ${params.seed})` : ""),
  );

  // 3. The Python environment (made on first use).
  const environment = await ensureTrainingPython({ log: params.log });
  seconds.environment = environment.seconds;
  params.log(`python: ${environment.python}`);

  const work = await mkdtemp(join(dirname(out), ".java-judge-train-"));
  const step = <T>(script: string, args: string[]) =>
    runPythonStep<T>({
      python: environment.python,
      script,
      args,
      ...(params.onPythonOutput === undefined ? {} : { onStderr: params.onPythonOutput }),
    });
  try {
    // 4. Train: the best epoch's adapter (or, with --full, model) lands in work/trained.
    await writeFile(join(work, "train.jsonl"), trainLines);
    if (validLines !== null) await writeFile(join(work, "valid.jsonl"), validLines);
    const trained = await step<TrainSummary>("train.py", [
      ...["--base", base, "--train", join(work, "train.jsonl"), "--out", join(work, "trained")],
      ...(validLines === null ? [] : ["--valid", join(work, "valid.jsonl")]),
      ...["--correct", template.correct, "--incorrect", template.incorrect],
      ...["--epochs", String(params.epochs), "--lora-rank", String(params.loraRank)],
      ...["--batch-size", String(params.batchSize), "--max-tokens", String(params.maxTokens)],
      // BOS as the tokenizer adds it and the control tokens of the template's text: the judge's prompt tokens.
      ...["--seed", String(params.seed), ...templateFormat(template)],
      ...(params.lr === undefined ? [] : ["--lr", String(params.lr)]),
      ...(params.full ? ["--full"] : []),
    ]);
    seconds.train = trained.seconds;

    // 5. Merge the adapter into the base (full fine-tuning saved a whole checkpoint already).
    let checkpoint = join(work, "trained");
    if (trained.mode === "lora") {
      const merged = await step<MergeSummary>("merge.py", [
        ...["--base", base, "--adapter", checkpoint, "--out", join(work, "merged")],
      ]);
      seconds.merge = merged.seconds;
      checkpoint = merged.out;
    }

    // 6. Convert with the llama.cpp that node-llama-cpp runs.
    const llamaCpp = await ensureLlamaCpp({ log: params.log });
    const converted = await step<ConvertSummary>("convert.py", [
      ...["--llama-cpp", llamaCpp, "--model", checkpoint, "--outfile", out, "--outtype", params.outtype],
    ]);
    seconds.convert = converted.seconds;
    if (keep !== null) {
      await cp(checkpoint, keep, { recursive: true });
      params.log(`kept the fine-tuned checkpoint in ${keep} (a --base for the next stage)`);
    }

    // 7. Register it, so JUDGE_MODEL=NAME and --model NAME find it with its template.
    const catalog = await registerTrainedModel({
      name,
      path: out,
      template,
      base,
      notes: `trained by java-judge train from ${resolve(params.data)} (${trained.mode}, best epoch ${trained.bestEpoch} of ${params.epochs}, seed ${params.seed})`,
    });
    params.log(`registered ${name} in ${catalog}`);

    // 8. The report card: the GGUF on the test split, through eval's code path.
    let evaluation: Awaited<ReturnType<typeof evaluateTrainedJudge>> | null = null;
    if (data.test.length > 0) {
      const testPath = join(work, "test.jsonl");
      await writeFile(testPath, data.test.map((l) => `${l.raw}\n`).join(""));
      evaluation = await evaluateTrainedJudge({
        model: name,
        datasetPath: testPath,
        reportPath: out.slice(0, -".gguf".length),
        log: params.log,
      });
      seconds.eval = evaluation.seconds;
      params.log(`wrote ${evaluation.jsonPath} and ${evaluation.svgPath}`);
    } else {
      params.log("no test split: no report card (give --data DIR a test.jsonl, or one .jsonl file to split)");
    }

    seconds.total = (performance.now() - started) / 1000;
    const best = trained.epochs.find((e) => e.epoch === trained.bestEpoch) ?? null;
    const report = evaluation?.report;
    return {
      model: { path: out, name, catalog, outtype: params.outtype, bytes: converted.bytes },
      checkpoint: keep,
      base,
      template: params.template ?? null,
      mode: trained.mode,
      device: trained.device,
      parameters: { total: trained.parameters, trainable: trained.trainableParameters },
      environment: { python: environment.python, created: environment.created },
      data: {
        from: data.from,
        train: trained.examples.train,
        valid: trained.examples.valid,
        test: data.test.length,
        skipped: trained.skipped,
      },
      epochs: trained.epochs,
      bestEpoch: trained.bestEpoch,
      validLoss: best?.validLoss ?? null,
      validAccuracy: best?.validAccuracy ?? null,
      test:
        evaluation === null || report === undefined
          ? null
          : {
              n: report.n,
              skipped: evaluation.skipped.length,
              accuracy: report.accuracy,
              kappa: report.kappa,
              f1: report.f1,
              auc: report.auc,
              ece: report.ece,
              threshold: report.threshold,
              forPrecision: {
                target: report.sweep.targetPrecision,
                threshold: report.sweep.threshold,
                precision: report.sweep.precision,
                recall: report.sweep.recall,
                ...(report.sweep.reason === undefined ? {} : { reason: report.sweep.reason }),
              },
            },
      evalJson: evaluation?.jsonPath ?? null,
      evalSvg: evaluation?.svgPath ?? null,
      throughput: {
        examplesPerSecond: trained.examplesPerSecond,
        tokensPerSecond: trained.tokensPerSecond,
        trainTokens: trained.trainTokens,
        peakRssMB: trained.peakRssMB,
        peakGpuMB: trained.peakGpuMB,
      },
      prompt: { format: trained.format, bos: trained.bos },
      firstExample: trained.firstExample,
      seconds,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A judge learns to tell the classes apart: the training split needs both. */
function checkClasses(train: readonly TrainingLine[], allowOneClass: boolean): void {
  if (train.length === 0) throw new UsageError("--data: the training split is empty");
  const ones = train.filter((l) => l.line.label === 1).length;
  const zeros = train.length - ones;
  if (allowOneClass || (ones > 0 && zeros > 0)) return;
  const [have, lack] = ones > 0 ? ["1 (correct)", "0 (incorrect)"] : ["0 (incorrect)", "1 (correct)"];
  throw new UsageError(
    `--data: every training example has label ${have}; a judge needs examples labelled ${lack} too (java-judge dataset --from mutants makes both)`,
  );
}
