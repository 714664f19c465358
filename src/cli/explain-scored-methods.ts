import { InvalidArgumentError } from "commander";
import { repoConfigSchema } from "../config/repo-config-schema.js";
import { explainMethods } from "../explain/explain-methods.js";
import type { LineDoubt } from "../explain/types.js";
import type { ExtractedMethod } from "../java/types.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { Judge, JudgeResult } from "../judge/types.js";

/** The repo config's defaults: `--explain` reads a branch as a review with `explain.mode: flagged` would. */
export const EXPLAIN_DEFAULTS = repoConfigSchema.parse({}).explain;

export function parseThresholdOption(value: string): number {
  const t = Number(value);
  if (!(t >= 0 && t <= 1)) throw new InvalidArgumentError("expected a number from 0 to 1");
  return t;
}

/** What `--explain` adds to a flagged method's row: its lines, most doubted first, and what was not tried. */
export interface ExplainedRow {
  lines: LineDoubt[];
  skippedLines: number;
  untriedLines: number;
}

/**
 * `score --explain` and `review --explain`: the methods scored below `threshold` (all of them: a command line has no
 * review budget), each with every line it could be tried on up to `maxLines`.
 */
export async function explainScoredMethods(params: {
  judge: Judge;
  methods: ExtractedMethod[];
  results: JudgeResult[];
  threshold: number;
  maxLines: number;
}): Promise<Map<number, ExplainedRow>> {
  const flagged = params.methods.flatMap((m, i) => {
    const r = params.results[i];
    return r?.kind === "scored" && r.score < params.threshold ? [{ m, i, score: r.score }] : [];
  });
  const explanations = await explainMethods({
    judge: params.judge,
    targets: flagged.map(({ m, score }) => ({
      input: judgeInputFromMethod(m),
      startLine: m.startLine,
      score,
    })),
    maxLines: params.maxLines,
  });
  const rows = new Map<number, ExplainedRow>();
  flagged.forEach(({ i }, k) => {
    const e = explanations[k];
    if (e?.kind === "explained")
      rows.set(i, { lines: e.lines, skippedLines: e.skippedLines, untriedLines: e.untriedLines });
  });
  return rows;
}

/** The text output's lines under a flagged method: its most doubted lines. */
export function renderExplainedText(row: ExplainedRow, minDelta: number): string {
  const named = row.lines.filter((l) => l.delta >= minDelta).slice(0, 3);
  if (named.length === 0)
    return row.lines.length > 0 ? "\tno single line stands out: the doubt is spread over the method\n" : "";
  return named
    .map((l) => `\tline ${l.line}\t${l.delta >= 0 ? "+" : ""}${l.delta.toFixed(3)}\t${l.text}\n`)
    .join("");
}
