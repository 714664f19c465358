import type { SimpleGit } from "simple-git";
import { UsageError } from "../errors.js";
import { loadJavaParser } from "../java/load-java-parser.js";
import { openGitRepository } from "../java/open-git-repository.js";
import { resolveCommit } from "../java/resolve-commit.js";
import { type BuiltDataset, buildDataset } from "./build-dataset.js";
import { collectFeedbackExamples, type FeedbackStats } from "./collect-feedback-examples.js";
import { collectFileExamples } from "./collect-file-examples.js";
import { collectFixExamples, type FixStats } from "./collect-fix-examples.js";
import { collectMutantExamples, type MutantStats } from "./collect-mutant-examples.js";
import type { DatasetSource } from "./parse-dataset-options.js";
import { createSourcePathFilter } from "./select-source-path.js";
import type { DatasetExample, DatasetLine, SplitName } from "./types.js";

export interface CreateDatasetParams {
  repoDir: string;
  rev: string;
  sources: readonly DatasetSource[];
  paths: readonly string[];
  includeTests: boolean;
  perMethod: number;
  seed: number;
  split: readonly [number, number, number];
  fixPattern: RegExp;
  databaseUrl: string;
  log: (line: string) => void;
}

/** stats.json: every count the run produced, deterministic (no clock), so it is the same for the same input. */
export interface DatasetStats {
  examples: number;
  bySource: Record<string, number>;
  byLabel: BuiltDataset["byLabel"];
  bySplit: BuiltDataset["bySplit"];
  dropped: { duplicates: number; conflicting: number; conflictingCodes: number };
  /** Examples each `--from` gave before deduplication. */
  collected: Record<string, number>;
  mutants?: MutantStats;
  fixes?: FixStats & { pattern: string };
  feedback?: FeedbackStats;
  params: {
    rev: string | null;
    commit: string | null;
    from: string[];
    paths: string[];
    includeTests: boolean;
    perMethod: number;
    seed: number;
    split: number[];
  };
}

export interface CreatedDataset {
  splits: Record<SplitName, DatasetLine[]>;
  stats: DatasetStats;
}

/**
 * Collects the examples of every source in the order given, deduplicates and splits them. Bad input (not a
 * repository, unknown revision, no Java methods, a class with no example) is a UsageError.
 */
export async function createDataset(params: CreateDatasetParams): Promise<CreatedDataset> {
  const { sources, log } = params;
  const needsRepo = sources.some((s) => s.kind === "mutants" || s.kind === "fixes");
  let repo: { git: SimpleGit; sha: string } | null = null;
  if (needsRepo) {
    const git = await openGitRepository(params.repoDir);
    repo = { git, sha: await resolveCommit(git, params.rev) };
  }
  const includePath = createSourcePathFilter(params);
  const examples: DatasetExample[] = [];
  const collected: Record<string, number> = {};
  const extra: Pick<DatasetStats, "mutants" | "fixes" | "feedback"> = {};
  for (const source of sources) {
    const name = source.kind === "file" ? source.path : source.kind;
    let found: DatasetExample[];
    if (source.kind === "mutants" && repo) {
      const result = await collectMutantExamples({
        ...repo,
        repoDir: params.repoDir,
        includePath,
        parser: await loadJavaParser(),
        perMethod: params.perMethod,
        seed: params.seed,
        log,
      });
      if (result.stats.methods === 0) {
        const where = params.paths.length > 0 ? ` under ${params.paths.join(", ")}` : "";
        const tests = params.includeTests ? "" : " (test sources are left out unless --include-tests)";
        throw new UsageError(
          `no Java methods with a body at ${params.rev}${where}${tests}: check --rev and --paths`,
        );
      }
      found = result.examples;
      extra.mutants = result.stats;
    } else if (source.kind === "fixes" && repo) {
      const result = await collectFixExamples({
        ...repo,
        pattern: params.fixPattern,
        includePath,
        parser: await loadJavaParser(),
        log,
      });
      found = result.examples;
      extra.fixes = { ...result.stats, pattern: params.fixPattern.source };
    } else if (source.kind === "feedback") {
      const result = await collectFeedbackExamples(params.databaseUrl);
      log(`feedback: ${result.stats.records} verdicts, ${result.stats.examples} examples`);
      found = result.examples;
      extra.feedback = result.stats;
    } else if (source.kind === "file") {
      found = await collectFileExamples(source.path);
      log(`${source.path}: ${found.length} examples`);
    } else {
      found = [];
    }
    collected[name] = found.length;
    examples.push(...found);
  }
  const built = buildDataset({ examples, split: params.split, seed: params.seed });
  for (const label of [0, 1] as const) {
    if (built.byLabel[label] > 0) continue;
    const what = label === 0 ? "incorrect (label 0)" : "correct (label 1)";
    throw new UsageError(
      `no example labelled ${what} after deduplication (${examples.length} collected from ${sources.map((s) => (s.kind === "file" ? s.path : s.kind)).join(", ")}): add a source that has both, e.g. --from mutants`,
    );
  }
  const stats: DatasetStats = {
    examples: built.byLabel[0] + built.byLabel[1],
    bySource: built.bySource,
    byLabel: built.byLabel,
    bySplit: built.bySplit,
    dropped: {
      duplicates: built.duplicates,
      conflicting: built.conflicting,
      conflictingCodes: built.conflictingCodes,
    },
    collected,
    ...extra,
    params: {
      rev: repo ? params.rev : null,
      commit: repo?.sha ?? null,
      from: sources.map((s) => (s.kind === "file" ? s.path : s.kind)),
      paths: [...params.paths],
      includeTests: params.includeTests,
      perMethod: params.perMethod,
      seed: params.seed,
      split: [...params.split],
    },
  };
  return { splits: built.splits, stats };
}
