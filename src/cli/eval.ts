import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { evaluateScores } from "../eval/evaluate-scores.js";
import { loadScoredDataset } from "../eval/load-scored-dataset.js";
import { parseProbabilityOption } from "../eval/parse-probability-option.js";
import { renderEvalSvg } from "../eval/render-eval-svg.js";
import { renderEvalText } from "../eval/render-eval-text.js";
import { runAction } from "./run-action.js";

interface EvalOptions {
  dataset: string;
  model?: string;
  threshold: string;
  targetPrecision: string;
  plot?: string;
  json?: boolean;
}

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("Measure a judge on a labelled JSONL dataset ({id, task?, code, label: 1|0} per line)")
    .requiredOption("--dataset <file>", "JSONL dataset")
    .option("--model <model>", "judge GGUF model (default: JUDGE_MODEL)")
    .option("--threshold <t>", "a score below it flags a method", "0.5")
    .option("--target-precision <p>", "name the threshold that reaches this precision of flags", "0.8")
    .option("--plot <file.svg>", "write the reliability diagram and ROC curve as SVG")
    .option("--json", "print the report as JSON on stdout")
    .action(
      runAction(async (options: EvalOptions) => {
        const threshold = parseProbabilityOption(options.threshold, "--threshold");
        const targetPrecision = parseProbabilityOption(options.targetPrecision, "--target-precision");
        const model = options.model ?? process.env.JUDGE_MODEL;
        if (!model) throw new UsageError("no judge model: pass --model PATH.gguf or set JUDGE_MODEL");
        const log = (line: string) => process.stderr.write(`java-judge eval: ${line}\n`);
        const scored = await loadScoredDataset({ datasetPath: options.dataset, model, log });
        const items = scored.items.map(({ id, label, score }) => ({ id, label, score }));
        const report = evaluateScores({ items, threshold, targetPrecision });
        if (options.plot) {
          await writeFile(
            options.plot,
            renderEvalSvg(report, `java-judge eval: ${scored.models.join(", ")}`),
          );
          log(`wrote ${options.plot}`);
        }
        const out = { ...report, model: scored.models, judgeId: scored.judgeId, skipped: scored.skipped };
        process.stdout.write(options.json ? `${JSON.stringify(out, null, 2)}\n` : renderEvalText(report));
      }),
    );
}
