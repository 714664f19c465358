import type { RankReport } from "./evaluate-ranking.js";
import type { EvalReport } from "./evaluate-scores.js";

const f = (v: number | null): string => (v === null ? "undefined" : v.toFixed(3));

/** The human-readable summary of `eval` (without --json). */
export function renderEvalText(r: EvalReport): string {
  const lines = [
    `${r.n} methods, threshold ${r.threshold} (a score below it flags the method)`,
    `accuracy ${f(r.accuracy)}  kappa ${f(r.kappa)}  AUC ${f(r.auc)}  ECE ${f(r.ece)}  macro F1 ${f(r.macroF1)}`,
    `incorrect (flagged): precision ${f(r.precision)}  recall ${f(r.recall)}  F1 ${f(r.f1)}  (${r.incorrect.support} in the data)`,
    `correct:             precision ${f(r.correct.precision)}  recall ${f(r.correct.recall)}  F1 ${f(r.correct.f1)}  (${r.correct.support} in the data)`,
    r.sweep.threshold === null
      ? `target precision ${r.sweep.targetPrecision}: ${r.sweep.reason}`
      : `target precision ${r.sweep.targetPrecision}: threshold ${r.sweep.threshold} (precision ${f(r.sweep.precision)}, recall ${f(r.sweep.recall)})`,
    ...Object.entries(r.reasons).map(([k, v]) => `${k} undefined: ${v}`),
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** The human-readable summary of `rank-eval` (without --json). */
export function renderRankText(r: RankReport): string {
  return [
    `${r.tasks} tasks, ${r.candidates} candidates`,
    `pass@1 of the judge's pick ${f(r.judgePass1)}  random pick ${f(r.randomPass1)}  best pick ${f(r.bestPass1)}`,
    `gain over random ${f(r.gainOverRandom)}; ${r.tasksWithTiedTop} tasks had a tie at the top (first taken)`,
    "",
  ].join("\n");
}
