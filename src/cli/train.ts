import { type Command, InvalidArgumentError, Option } from "commander";
import { OUTTYPES, type TrainJudgeParams, trainJudge } from "../training/train-judge.js";
import type { TrainJudgeSummary } from "../training/training-summaries.js";
import { parseIntegerOption } from "./parse-judge-options.js";
import { runAction } from "./run-action.js";

/** What commander hands the action: the pipeline's own parameters, as the flags set them. */
type TrainOptions = Omit<TrainJudgeParams, "full" | "log" | "onPythonOutput" | "allowOneClass"> & {
  full?: boolean;
  json?: boolean;
};

export function registerTrainCommand(program: Command): void {
  program
    .command("train")
    .description(
      "Fine-tune a Hugging Face checkpoint as the judge (LoRA by default), convert it to GGUF, evaluate and register it",
    )
    .requiredOption("--base <dir>", "Hugging Face checkpoint directory (config.json, weights, tokenizer)")
    .requiredOption(
      "--data <dir|file.jsonl>",
      "java-judge dataset's directory (train/valid/test.jsonl) or one file",
    )
    .requiredOption("--out <path.gguf>", "the GGUF to write; PATH.eval.json and PATH.eval.svg go beside it")
    .option(
      "--template <name>",
      "train on this models.json judge's prompt template (default: DESIGN's); a chat-format one through the base's chat template",
    )
    .option("--name <name>", "register the judge under this name (default: the GGUF's file name)")
    .option(
      "--keep-checkpoint <dir>",
      "also keep the fine-tuned Hugging Face checkpoint (a --base for a next stage)",
    )
    .option("--epochs <n>", "passes over the training split", parseIntegerOption, 3)
    .option("--lr <x>", "learning rate (default 2e-4 with LoRA, 2e-5 with --full)", parsePositiveNumber)
    .option("--lora-rank <r>", "LoRA rank (alpha 32, dropout 0.1, as Qwen's recipe)", parseIntegerOption, 8)
    .option("--full", "fine-tune every weight instead of a LoRA adapter")
    .option("--batch-size <b>", "examples per step", parseIntegerOption, 8)
    .option("--max-tokens <t>", "longer examples are left out (and counted)", parseIntegerOption, 2048)
    .addOption(new Option("--outtype <type>", "GGUF weight type").choices(OUTTYPES).default("q8_0"))
    .option("--seed <n>", "seed of the split, shuffles and initialisation", parseSeed, 0)
    .option("--json", "print a JSON summary on stdout")
    .action(
      runAction(async (options: TrainOptions) => {
        const log = (line: string) => process.stderr.write(`java-judge train: ${line}\n`);
        const { json: _json, full, ...params } = options;
        const summary = await trainJudge({
          ...params,
          full: full ?? false,
          log,
          onPythonOutput: (chunk) => process.stderr.write(chunk),
        });
        process.stdout.write(
          options.json ? `${JSON.stringify(summary, null, 2)}\n` : renderTrainSummary(summary),
        );
      }),
    );
}

function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError("expected a positive number");
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a non-negative integer");
  return n;
}

function renderTrainSummary(s: TrainJudgeSummary): string {
  const fmt = (x: number | null | undefined, digits = 3) =>
    x === null || x === undefined ? "n/a" : x.toFixed(digits);
  const lines = [
    `model: ${s.model.path} (${s.model.outtype}, ${(s.model.bytes / 1e6).toFixed(1)} MB), registered as ${s.model.name}`,
    `training: ${s.mode} on ${s.device}, ${s.data.train} examples, best epoch ${s.bestEpoch} of ${s.epochs.length}` +
      ` (valid loss ${fmt(s.validLoss, 4)}, accuracy ${fmt(s.validAccuracy)})`,
  ];
  if (s.test !== null) {
    const p = s.test.forPrecision;
    lines.push(
      `test (${s.test.n} examples): kappa ${fmt(s.test.kappa)}, F1 ${fmt(s.test.f1)}, AUC ${fmt(s.test.auc)}, ECE ${fmt(s.test.ece)}`,
      `threshold for precision ${p.target}: ${p.threshold === null ? (p.reason ?? "none") : `${fmt(p.threshold)} (recall ${fmt(p.recall)})`}`,
      `report card: ${s.evalJson}, ${s.evalSvg}`,
    );
  }
  if (s.checkpoint !== null) lines.push(`checkpoint (a --base for the next stage): ${s.checkpoint}`);
  lines.push(`use it: JUDGE_MODEL=${s.model.name} or --model ${s.model.name}`);
  return `${lines.join("\n")}\n`;
}
