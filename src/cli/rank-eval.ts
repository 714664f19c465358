import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { evaluateRanking } from "../eval/evaluate-ranking.js";
import { loadScoredDataset } from "../eval/load-scored-dataset.js";
import { renderRankText } from "../eval/render-eval-text.js";
import { runAction } from "./run-action.js";

interface RankEvalOptions {
  dataset: string;
  model?: string;
  json?: boolean;
}

export function registerRankEvalCommand(program: Command): void {
  program
    .command("rank-eval")
    .description(
      "pass@1 of the judge's pick among candidates grouped by task_id, against random and best picks",
    )
    .requiredOption("--dataset <file>", "JSONL dataset: {task_id, id, task?, code, label: 1|0} per line")
    .option("--model <model>", "judge GGUF model (default: JUDGE_MODEL)")
    .option("--json", "print the report as JSON on stdout")
    .action(
      runAction(async (options: RankEvalOptions) => {
        const model = options.model ?? process.env.JUDGE_MODEL;
        if (!model) throw new UsageError("no judge model: pass --model PATH.gguf or set JUDGE_MODEL");
        const log = (line: string) => process.stderr.write(`java-judge rank-eval: ${line}\n`);
        const scored = await loadScoredDataset({
          datasetPath: options.dataset,
          model,
          requireTaskId: true,
          log,
        });
        const report = evaluateRanking(scored.items.map((i) => ({ ...i, taskId: i.taskId ?? "" })));
        const out = { ...report, model: scored.models, judgeId: scored.judgeId, skipped: scored.skipped };
        process.stdout.write(options.json ? `${JSON.stringify(out, null, 2)}\n` : renderRankText(report));
      }),
    );
}
