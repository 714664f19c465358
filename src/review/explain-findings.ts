import type { RepoConfig } from "../config/repo-config-schema.js";
import { describeError } from "../errors.js";
import { explainMethods } from "../explain/explain-methods.js";
import type { ChangedMethod } from "../java/types.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { Judge } from "../judge/types.js";
import type { JobDeadline } from "../queue/types.js";
import type { MethodOutcome } from "./types.js";

export interface ExplainFindingsResult {
  explained: number;
  /** Why some flagged methods carry no explanation (time, a failing model), for the check run; null when none. */
  note: string | null;
  seconds: number;
}

export const OUT_OF_TIME = "the review ran out of time before the lines behind this score were worked out";

/**
 * Step 6b: where the judge doubts each flagged method (occlusion, src/explain), lowest score first, at most
 * `explain.max_methods`. `outcomes[i]` is `methods[i]`'s (judgeMethods keeps the order). Never fails the review: time
 * running out or a model error leaves the findings without their lines, and says why. The explanation stops early
 * enough to leave the review `reserveMs` to post what it found: `reserveOf(budget)` of the job's budget.
 */
export async function explainFindings(params: {
  outcomes: MethodOutcome[];
  methods: ChangedMethod[];
  judge: Judge;
  config: Pick<RepoConfig, "explain">;
  deadline?: JobDeadline;
  now?: () => number;
}): Promise<ExplainFindingsResult> {
  const now = params.now ?? (() => performance.now());
  const started = now();
  const { explain } = params.config;
  const flagged = params.outcomes
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.result.kind === "scored" && o.result.flagged)
    .sort((a, b) => scoreOf(a.o) - scoreOf(b.o));
  if (explain.mode === "off" || flagged.length === 0) return { explained: 0, note: null, seconds: 0 };
  const chosen = flagged.slice(0, explain.max_methods);
  for (const { o } of flagged.slice(explain.max_methods))
    o.explanation = { kind: "not-explained", reason: `over explain.max_methods (${explain.max_methods})` };
  if (chosen.length === 0) return { explained: 0, note: null, seconds: 0 };

  const left = params.deadline?.remainingMs?.();
  const controller = new AbortController();
  const signals = [controller.signal, ...(params.deadline ? [params.deadline.signal] : [])];
  let timer: NodeJS.Timeout | undefined;
  if (left !== undefined) {
    const budgetMs = params.deadline ? params.deadline.budget().seconds * 1000 : left;
    timer = setTimeout(
      () => controller.abort(new Error(OUT_OF_TIME)),
      Math.max(0, left - reserveOf(budgetMs)),
    );
  }
  const signal = AbortSignal.any(signals);
  let explained = 0;
  let note: string | null = null;
  try {
    // One method at a time, lowest score first: time running out keeps the lines of those already explained. On one
    // sequence (the CPU default) this costs no prefix reuse: a method's variants share nothing with another's.
    for (const { o, i } of chosen) {
      const [e] = await explainMethods({
        judge: params.judge,
        targets: [
          {
            input: judgeInputFromMethod(params.methods[i] as ChangedMethod),
            startLine: o.startLine,
            score: scoreOf(o),
          },
        ],
        maxLines: explain.max_lines,
        signal,
      });
      o.explanation = e ?? { kind: "not-explained", reason: "no explanation came back" };
      explained++;
    }
  } catch (error) {
    note = signal.aborted ? OUT_OF_TIME : `the judge failed while explaining: ${describeError(error)}`;
    for (const { o } of chosen) if (!o.explanation) o.explanation = { kind: "not-explained", reason: note };
  } finally {
    clearTimeout(timer);
  }
  return { explained, note, seconds: (now() - started) / 1000 };
}
/**
 * Of a job's budget, what the explanation leaves for posting the review and completing the check run (a handful of
 * GitHub requests, Probot spacing writes 1 s apart): a fifth of it, at least 1 s and at most 60 s.
 */
export function reserveOf(budgetMs: number): number {
  return Math.min(60_000, Math.max(1_000, budgetMs / 5));
}

function scoreOf(o: MethodOutcome): number {
  return o.result.kind === "scored" ? o.result.score : 1;
}
