import type { RepoConfig } from "../config/repo-config-schema.js";
import type { ChangedMethod } from "../java/types.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { Judge, ScoreProgress } from "../judge/types.js";
import { explainMethodSkip } from "./explain-method-skip.js";
import type { MethodOutcome } from "./types.js";

/** Steps 4-6: skip what cannot be judged honestly (with a reason), score the rest, flag below the threshold. */
export async function judgeMethods(params: {
  methods: ChangedMethod[];
  judge: Judge;
  config: Pick<RepoConfig, "threshold" | "max_methods" | "max_method_lines">;
  onProgress?: (p: ScoreProgress) => void;
  /** The job's deadline: stops the judge between batches. */
  signal?: AbortSignal;
}): Promise<MethodOutcome[]> {
  const { methods, judge, config } = params;
  const outcomes: MethodOutcome[] = methods.map((m) => toOutcome(m, { kind: "skipped", reason: "" }));
  const toJudge: number[] = [];
  methods.forEach((m, i) => {
    const reason =
      explainMethodSkip(m, config) ??
      (toJudge.length >= config.max_methods ? `over max_methods (${config.max_methods}) for one push` : null);
    if (reason) (outcomes[i] as MethodOutcome).result = { kind: "skipped", reason };
    else toJudge.push(i);
  });
  const results = await judge.score(
    toJudge.map((i) => judgeInputFromMethod(methods[i] as ChangedMethod)),
    params.onProgress,
    params.signal,
  );
  toJudge.forEach((methodIndex, k) => {
    const r = results[k];
    const outcome = outcomes[methodIndex] as MethodOutcome;
    if (!r) outcome.result = { kind: "skipped", reason: "the judge returned no score" };
    else if (r.kind === "skipped") outcome.result = { kind: "skipped", reason: r.reason };
    else outcome.result = { kind: "scored", score: r.score, flagged: r.score < config.threshold };
  });
  return outcomes;
}

/** A changed method with its judging result, as the review renders it. */
export function toOutcome(m: ChangedMethod, result: MethodOutcome["result"]): MethodOutcome {
  return {
    path: m.path,
    key: m.key,
    hash: m.hash,
    name: m.name,
    className: m.className,
    signature: m.signature,
    startLine: m.startLine,
    endLine: m.endLine,
    change: m.change,
    hasJavadoc: Boolean(m.javadoc?.trim()),
    result,
  };
}
