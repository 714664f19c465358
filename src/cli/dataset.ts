import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { renderDatasetLines } from "../dataset/build-dataset.js";
import { DEFAULT_FIX_PATTERN } from "../dataset/collect-fix-examples.js";
import { createDataset } from "../dataset/create-dataset.js";
import { parseCount, parseFixPattern, parseSources, parseSplit } from "../dataset/parse-dataset-options.js";
import { SPLITS } from "../dataset/types.js";
import { DEFAULT_DATABASE_URL } from "../store/parse-database-url.js";
import { runAction } from "./run-action.js";

interface DatasetOptions {
  repo: string;
  rev: string;
  from: string[];
  paths: string[];
  includeTests?: boolean;
  perMethod: string;
  seed: string;
  split: string;
  fixPattern: string;
  databaseUrl?: string;
  out: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerDatasetCommand(program: Command): void {
  program
    .command("dataset")
    .description(
      "Build labelled examples to train a judge (train/valid/test JSONL in eval's format, split by method) " +
        "from a repository's methods and their mutants, its bug-fix history, reviewers' feedback or labelled files",
    )
    .requiredOption("--out <dir>", "directory for train.jsonl, valid.jsonl, test.jsonl and stats.json")
    .addOption(
      new Option(
        "--from <source>",
        "mutants (methods labelled 1, their mutants 0), fixes (methods a fix commit modified: before 0, after 1; " +
          "noisy, SZZ-style heuristics are 40-65% precise in studies), feedback (reviewers' verdicts in the " +
          "store), or FILE.jsonl (eval-format lines); comma-separated or repeated",
      )
        .argParser(collect)
        .default([], "mutants"),
    )
    .option("--repo <dir>", "git repository (for mutants and fixes)", ".")
    .option("--rev <rev>", "commit to read methods and history from (git objects, not the work tree)", "HEAD")
    .addOption(
      new Option("--paths <glob>", "only .java files matching this glob (repeatable)")
        .argParser(collect)
        .default([], "all .java files"),
    )
    .option(
      "--include-tests",
      "also read test sources (src/test/, test/ folders, *Test.java, *Tests.java, *IT.java)",
    )
    .option("--per-method <k>", "mutants per method, at most", "3")
    .option("--seed <n>", "seed of mutant choice and split: the same seed gives the same files", "0")
    .option("--split <train,valid,test>", "fractions of methods per split, summing to 1", "0.8,0.1,0.1")
    .addOption(
      new Option("--fix-pattern <regex>", "commit messages that mark a fix (case-insensitive)").default(
        DEFAULT_FIX_PATTERN,
        "fix/fixes/fixed, bug, bugfix, hotfix, defect, regression, or closes/resolves #N",
      ),
    )
    .option(
      "--database-url <url>",
      `store to read feedback from (default: DATABASE_URL, else ${DEFAULT_DATABASE_URL})`,
    )
    .option("--json", "print stats.json on stdout")
    .action(
      runAction(async (options: DatasetOptions) => {
        const started = Date.now();
        const log = (line: string) => process.stderr.write(`java-judge dataset: ${line}\n`);
        const { stats, splits } = await createDataset({
          repoDir: options.repo,
          rev: options.rev,
          sources: parseSources(options.from.length > 0 ? options.from : ["mutants"]),
          paths: options.paths,
          includeTests: options.includeTests === true,
          perMethod: parseCount(options.perMethod, "--per-method", 0, 1000),
          seed: parseCount(options.seed, "--seed", 0, 2 ** 32 - 1),
          split: parseSplit(options.split),
          fixPattern: parseFixPattern(options.fixPattern),
          databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
          log,
        });
        await mkdir(options.out, { recursive: true });
        for (const name of SPLITS)
          await writeFile(join(options.out, `${name}.jsonl`), renderDatasetLines(splits[name]));
        const statsJson = `${JSON.stringify(stats, null, 2)}\n`;
        await writeFile(join(options.out, "stats.json"), statsJson);
        const seconds = (Date.now() - started) / 1000;
        const perSecond = seconds > 0 ? Math.round(stats.examples / seconds) : stats.examples;
        const { train, valid, test } = stats.bySplit;
        log(
          `wrote ${stats.examples} examples (${stats.byLabel[1]} correct, ${stats.byLabel[0]} incorrect; ` +
            `train ${train.examples}, valid ${valid.examples}, test ${test.examples}) to ${options.out} ` +
            `in ${seconds.toFixed(1)} s (${perSecond} examples/s); ${stats.dropped.duplicates} duplicates and ` +
            `${stats.dropped.conflicting} examples with conflicting labels dropped`,
        );
        for (const name of SPLITS) {
          if (stats.bySplit[name].examples === 0 && stats.params.split[SPLITS.indexOf(name)] !== 0) {
            log(`warning: the ${name} split is empty (too few methods for --split ${options.split})`);
          }
        }
        if (options.json) process.stdout.write(statsJson);
      }),
    );
}
