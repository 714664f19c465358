import type { Metric, ScoredItem } from "./types.js";

export interface RankedTask {
  taskId: string;
  candidates: number;
  /** Id and label of the judge's top pick (highest score; ties: the first in the dataset). */
  pickId: string;
  pickLabel: 0 | 1;
  pickScore: number;
  /** Candidates sharing the top score. */
  tiedAtTop: number;
  /** Fraction of correct candidates: the expected pass@1 of a random pick. */
  randomPass: number;
  /** 1 when any candidate is correct: the pass@1 of the best possible pick. */
  bestPass: 0 | 1;
}

export interface RankReport {
  tasks: number;
  candidates: number;
  /** pass@1 of the judge's top pick, over tasks. */
  judgePass1: Metric;
  /** Expected pass@1 of a uniformly random pick (mean over tasks of the fraction of correct candidates). */
  randomPass1: Metric;
  /** pass@1 of an oracle that always picks a correct candidate when there is one. */
  bestPass1: Metric;
  /** judgePass1 - randomPass1, in pass@1 points (0..1). */
  gainOverRandom: Metric;
  /** Tasks where several candidates share the top score (the first one is taken). */
  tasksWithTiedTop: number;
  perTask: RankedTask[];
  reasons: Record<string, string>;
}

export interface TaskCandidate extends ScoredItem {
  taskId: string;
}

/** The paper's RQ2: does picking the judge's favourite beat a random pick, and how far from the best? */
export function evaluateRanking(candidates: readonly TaskCandidate[]): RankReport {
  const byTask = new Map<string, TaskCandidate[]>();
  for (const c of candidates) {
    const group = byTask.get(c.taskId);
    if (group) group.push(c);
    else byTask.set(c.taskId, [c]);
  }
  const perTask = [...byTask].map(([taskId, group]) => rankTask(taskId, group));
  const mean = (f: (t: RankedTask) => number): Metric =>
    perTask.length === 0 ? null : perTask.reduce((s, t) => s + f(t), 0) / perTask.length;
  const judgePass1 = mean((t) => t.pickLabel);
  const randomPass1 = mean((t) => t.randomPass);
  const reasons: Record<string, string> = {};
  if (perTask.length === 0) {
    for (const k of ["judgePass1", "randomPass1", "bestPass1", "gainOverRandom"]) reasons[k] = "no tasks";
  }
  return {
    tasks: perTask.length,
    candidates: candidates.length,
    judgePass1,
    randomPass1,
    bestPass1: mean((t) => t.bestPass),
    gainOverRandom: judgePass1 === null || randomPass1 === null ? null : judgePass1 - randomPass1,
    tasksWithTiedTop: perTask.filter((t) => t.tiedAtTop > 1).length,
    perTask,
    reasons,
  };
}

function rankTask(taskId: string, group: TaskCandidate[]): RankedTask {
  let pick = group[0]!;
  for (const c of group) if (c.score > pick.score) pick = c;
  const correct = group.filter((c) => c.label === 1).length;
  return {
    taskId,
    candidates: group.length,
    pickId: pick.id,
    pickLabel: pick.label,
    pickScore: pick.score,
    tiedAtTop: group.filter((c) => c.score === pick.score).length,
    randomPass: correct / group.length,
    bestPass: correct > 0 ? 1 : 0,
  };
}
