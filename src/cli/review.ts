import type { Command } from "commander";
import { changedMethodsInRepo } from "../java/changed-methods-in-repo.js";
import { toChangedJavaMethod } from "../java/to-java-method.js";
import { openJudge } from "../judge/open-judge.js";
import {
  EXPLAIN_DEFAULTS,
  explainScoredMethods,
  parseThresholdOption,
  renderExplainedText,
} from "./explain-scored-methods.js";
import { parseIntegerOption, parseJudgeOptions } from "./parse-judge-options.js";
import { runAction } from "./run-action.js";
import { scoreMethods } from "./score-methods.js";

export function registerReviewCommand(program: Command): void {
  program
    .command("review")
    .description("review the methods a branch changes, locally: score and verdict of each")
    .requiredOption("--repo <dir>", "git repository")
    .requiredOption("--base <rev>", "base revision")
    .option("--head <rev>", "head revision", "HEAD")
    .option("--model <model>", "GGUF path or models.json name (default JUDGE_MODEL); a,b = ensemble")
    .option("--threshold <t>", "a score below it is flagged", parseThresholdOption, 0.5)
    .option("--sequences <n>", "sequences evaluated together", parseIntegerOption)
    .option("--context-size <n>", "tokens per sequence", parseIntegerOption)
    .option("--explain", "for a flagged method: the lines whose removal raises its score (occlusion)")
    .option("--max-lines <n>", "with --explain: lines tried per method", parseIntegerOption, 200)
    .option("--json", "print JSON")
    .action(
      runAction(
        async (
          options: Record<string, unknown> & { repo: string; base: string; head: string; threshold: number },
        ) => {
          const judgeOptions = parseJudgeOptions(options);
          const changed = await changedMethodsInRepo({
            repoDir: options.repo,
            base: options.base,
            head: options.head,
          });
          const judge = await openJudge(judgeOptions);
          try {
            const results = await scoreMethods(judge, changed);
            const explained = options.explain
              ? await explainScoredMethods({
                  judge,
                  methods: changed,
                  results,
                  threshold: options.threshold,
                  maxLines: options.maxLines as number,
                })
              : new Map();
            const rows = changed.map((m, i) => {
              const r = results[i];
              if (r?.kind !== "scored")
                return {
                  ...toChangedJavaMethod(m),
                  score: null,
                  verdict: "skipped",
                  reason: r?.reason ?? "",
                };
              return {
                ...toChangedJavaMethod(m),
                score: r.score,
                verdict: r.score < options.threshold ? "flagged" : "passed",
                ...explained.get(i),
              };
            });
            if (options.json) {
              process.stdout.write(
                `${JSON.stringify({ threshold: options.threshold, judge: judge.models, methods: rows }, null, 2)}\n`,
              );
              return;
            }
            if (rows.length === 0) process.stdout.write("no changed methods\n");
            for (const [i, r] of rows.entries()) {
              const what =
                r.score === null
                  ? `skipped: ${"reason" in r ? r.reason : ""}`
                  : `${r.score.toFixed(3)} ${r.verdict}`;
              process.stdout.write(
                `${r.path}:${r.startLine}\t${r.change}\t${r.className}.${r.name}\t${what}\n`,
              );
              const row = explained.get(i);
              if (row) process.stdout.write(renderExplainedText(row, EXPLAIN_DEFAULTS.min_delta));
            }
          } finally {
            await judge.dispose();
          }
        },
      ),
    );
}
