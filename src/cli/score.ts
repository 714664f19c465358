import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { decodeSource } from "../java/decode-source.js";
import { loadJavaParser } from "../java/load-java-parser.js";
import { toJavaMethod } from "../java/to-java-method.js";
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

export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description("score every method of a Java file with the judge: P(correct)")
    .argument("<file>", "Java source file")
    .option("--model <model>", "GGUF path or models.json name (default JUDGE_MODEL); a,b = ensemble")
    .option("--method <name>", "only the methods with this name")
    .option("--sequences <n>", "sequences evaluated together", parseIntegerOption)
    .option("--context-size <n>", "tokens per sequence", parseIntegerOption)
    .option(
      "--explain",
      "for a method below --threshold: the lines whose removal raises its score (occlusion)",
    )
    .option("--threshold <t>", "with --explain: a score below it is flagged", parseThresholdOption, 0.5)
    .option("--max-lines <n>", "with --explain: lines tried per method", parseIntegerOption, 200)
    .option("--json", "print JSON")
    .action(
      runAction(async (file: string, options: Record<string, unknown>) => {
        const judgeOptions = parseJudgeOptions(options);
        const bytes = await readFile(file).catch(() => {
          throw new UsageError(`cannot read ${file}: pass the path of a .java file`);
        });
        const decoded = decodeSource(bytes);
        if (decoded.binary) throw new UsageError(`${file} is a binary file, not Java source`);
        const parser = await loadJavaParser();
        let methods = parser.extractMethods(file, decoded.text);
        if (typeof options.method === "string") methods = methods.filter((m) => m.name === options.method);
        if (methods.length === 0)
          throw new UsageError(`no method${options.method ? ` named ${options.method}` : ""} in ${file}`);
        const judge = await openJudge(judgeOptions);
        try {
          const results = await scoreMethods(judge, methods);
          const explained = options.explain
            ? await explainScoredMethods({
                judge,
                methods,
                results,
                threshold: options.threshold as number,
                maxLines: options.maxLines as number,
              })
            : new Map();
          const rows = methods.map((m, i) => {
            const r = results[i];
            return r?.kind === "scored"
              ? { ...toJavaMethod(m), score: r.score, ...explained.get(i) }
              : { ...toJavaMethod(m), score: null, skipped: r?.reason ?? "not scored" };
          });
          if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          else {
            rows.forEach((r, i) => {
              const s = r.score === null ? `skipped: ${r.skipped}` : r.score.toFixed(3);
              process.stdout.write(`${r.path}:${r.startLine}\t${r.className}.${r.name}\t${s}\n`);
              const row = explained.get(i);
              if (row) process.stdout.write(renderExplainedText(row, EXPLAIN_DEFAULTS.min_delta));
            });
          }
        } finally {
          await judge.dispose();
        }
      }),
    );
}
