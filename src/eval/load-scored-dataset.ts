// The I/O edge of eval and rank-eval: reads the dataset file, loads the parser and the judge, scores.
import { readFile } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { loadJavaParser } from "../java/load-java-parser.js";
import { openJudge } from "../judge/open-judge.js";
import type { Judge, ScoreProgress } from "../judge/types.js";
import { parseDataset } from "./parse-dataset.js";
import { type ScoredDataset, scoreDataset } from "./score-dataset.js";

export interface LoadScoredDatasetParams {
  datasetPath: string;
  /** The judge: a GGUF path or a models.json name (its template applies); `a,b` is an ensemble. */
  model: string;
  requireTaskId?: boolean;
  /** Where progress lines go (stderr in the CLI). */
  log: (line: string) => void;
  /** For tests: a judge already made (not disposed here). */
  judge?: Judge;
}

export interface LoadedScores extends ScoredDataset {
  judgeId: string;
  models: string[];
  seconds: number;
}

export async function loadScoredDataset(params: LoadScoredDatasetParams): Promise<LoadedScores> {
  let text: string;
  try {
    text = await readFile(params.datasetPath, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the dataset ${params.datasetPath} (${(error as NodeJS.ErrnoException).code ?? error}): pass --dataset FILE.jsonl`,
    );
  }
  const source = params.datasetPath;
  const lines = parseDataset({ text, source, requireTaskId: params.requireTaskId ?? false });
  const parser = await loadJavaParser();
  params.log(`loading the judge ${params.model}`);
  const judge = params.judge ?? (await openJudge({ model: params.model }));
  try {
    const started = performance.now();
    const scored = await scoreDataset({
      lines,
      source,
      parser,
      judge,
      onProgress: progressLogger(params.log),
    });
    const seconds = (performance.now() - started) / 1000;
    params.log(`scored ${scored.items.length} of ${lines.length} methods in ${seconds.toFixed(1)} s`);
    for (const s of scored.skipped) params.log(`skipped ${s.id}: ${s.reason}`);
    return { ...scored, judgeId: judge.id, models: judge.models, seconds };
  } finally {
    if (params.judge === undefined) await judge.dispose();
  }
}

/** About ten progress lines per run, whatever its size. */
function progressLogger(log: (line: string) => void): (p: ScoreProgress) => void {
  let lastTenth = -1;
  return ({ done, total }) => {
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (tenth === lastTenth || done === 0) return;
    lastTenth = tenth;
    log(`scoring: ${done}/${total}`);
  };
}
