import { writeFile } from "node:fs/promises";
import { type EvalReport, evaluateScores } from "../eval/evaluate-scores.js";
import { loadScoredDataset } from "../eval/load-scored-dataset.js";
import { renderEvalSvg } from "../eval/render-eval-svg.js";

export interface EvaluateTrainedJudgeParams {
  /** The registered name: the judge is opened as `--model NAME` opens it, with its template. */
  model: string;
  /** The test split, eval's format. */
  datasetPath: string;
  /** PATH of PATH.eval.json and PATH.eval.svg. */
  reportPath: string;
  log: (line: string) => void;
}

export interface TrainedJudgeEvaluation {
  report: EvalReport;
  skipped: { id: string; reason: string }[];
  jsonPath: string;
  svgPath: string;
  seconds: number;
}

/** Threshold and target precision of `java-judge eval`'s defaults, so the report card reads like eval's. */
const THRESHOLD = 0.5;
const TARGET_PRECISION = 0.8;

/** The GGUF (not the torch model) on the test split, through eval's own code path; writes the report card. */
export async function evaluateTrainedJudge(
  params: EvaluateTrainedJudgeParams,
): Promise<TrainedJudgeEvaluation> {
  const scored = await loadScoredDataset({
    datasetPath: params.datasetPath,
    model: params.model,
    log: params.log,
  });
  const items = scored.items.map(({ id, label, score }) => ({ id, label, score }));
  const report = evaluateScores({ items, threshold: THRESHOLD, targetPrecision: TARGET_PRECISION });
  const jsonPath = `${params.reportPath}.eval.json`;
  const svgPath = `${params.reportPath}.eval.svg`;
  const card = { ...report, model: scored.models, judgeId: scored.judgeId, skipped: scored.skipped };
  await writeFile(jsonPath, `${JSON.stringify(card, null, 2)}\n`);
  await writeFile(svgPath, renderEvalSvg(report, `java-judge train: ${params.model} on its test split`));
  return { report, skipped: scored.skipped, jsonPath, svgPath, seconds: scored.seconds };
}
