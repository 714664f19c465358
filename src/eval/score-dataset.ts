import type { JavaSyntaxParser } from "../java/load-java-parser.js";
import type { Judge, ScoreProgress } from "../judge/types.js";
import { buildEvalInputs } from "./build-eval-inputs.js";
import type { DatasetLine } from "./parse-dataset.js";
import type { ScoredItem } from "./types.js";

export interface ScoreDatasetParams {
  lines: readonly DatasetLine[];
  source: string;
  parser: JavaSyntaxParser;
  judge: Judge;
  onProgress?: (p: ScoreProgress) => void;
}

export interface ScoredLine extends ScoredItem {
  taskId: string | null;
}

export interface ScoredDataset {
  items: ScoredLine[];
  /** Lines the judge could not score honestly (too long for its context...), left out of every metric. */
  skipped: { id: string; reason: string }[];
}

/** Scores every line with the judge; skipped lines are listed, never silently dropped. */
export async function scoreDataset({
  lines,
  source,
  parser,
  judge,
  onProgress,
}: ScoreDatasetParams): Promise<ScoredDataset> {
  const inputs = buildEvalInputs(lines, parser, source);
  const results = await judge.score(inputs, onProgress);
  const out: ScoredDataset = { items: [], skipped: [] };
  lines.forEach((line, i) => {
    const r = results[i];
    if (r?.kind === "scored")
      out.items.push({ id: line.id, label: line.label, score: r.score, taskId: line.taskId });
    else out.skipped.push({ id: line.id, reason: r?.reason ?? "the judge returned no result" });
  });
  return out;
}
