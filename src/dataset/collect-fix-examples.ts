import type { SimpleGit } from "simple-git";
import { listChangedMethodPairs } from "../java/list-changed-method-pairs.js";
import type { JavaParser } from "../java/load-java-parser.js";
import { isExampleMethod, methodExampleInput } from "./method-example-input.js";
import { normalizeTokens } from "./normalize-tokens.js";
import type { DatasetExample } from "./types.js";

/**
 * Fix, fixes, fixed, fixing, bug(s), bugfix, hotfix, defect(s), regression(s), and GitHub's closing keywords
 * before an issue number (`closes #123`). A bare `(#123)` is not enough: squash merges add one to every commit.
 */
export const DEFAULT_FIX_PATTERN =
  "\\b(fix(es|ed|ing)?|bugs?|bug ?fix(es|ed)?|hotfix(es)?|defects?|regressions?)\\b|\\b(close[sd]?|resolve[sd]?) #\\d+";

export interface CollectFixExamplesParams {
  git: SimpleGit;
  /** The commit whose history is read (full sha). */
  sha: string;
  /** Matched against the whole commit message. */
  pattern: RegExp;
  includePath: (path: string) => boolean;
  parser: JavaParser;
  log: (line: string) => void;
}

export interface FixStats {
  /** Commits on the history, merges left out. */
  commits: number;
  /** Those whose message matches the pattern. */
  fixCommits: number;
  /** Fix commits that modified at least one method. */
  fixCommitsWithMethods: number;
  /** Modified methods: each gives one example labelled 0 (before) and one labelled 1 (after). */
  methods: number;
  /** Modified methods left out: a syntax error or no body on either side, or only comments changed. */
  skippedMethods: number;
}

/**
 * The SZZ-style heuristic: a commit that says it fixes something is taken at its word, and each method it
 * modifies is wrong before (0) and right after (1). Newest commit first; merges left out (their diff against
 * the first parent is a whole branch, not one fix).
 */
export async function collectFixExamples(
  params: CollectFixExamplesParams,
): Promise<{ examples: DatasetExample[]; stats: FixStats }> {
  const { git, sha, pattern, includePath, parser, log } = params;
  const commits = await listCommits(git, sha);
  const fixes = commits.filter((c) => c.parent !== null && pattern.test(c.message));
  const stats: FixStats = {
    commits: commits.length,
    fixCommits: fixes.length,
    fixCommitsWithMethods: 0,
    methods: 0,
    skippedMethods: 0,
  };
  log(`fixes: ${fixes.length} of ${commits.length} commits match the fix pattern`);
  const examples: DatasetExample[] = [];
  for (const [index, commit] of fixes.entries()) {
    const pairs = await listChangedMethodPairs({
      git,
      baseSha: commit.parent as string,
      headSha: commit.sha,
      parser,
      includePath,
    });
    let methods = 0;
    for (const { method, counterpart } of pairs) {
      if (!counterpart) continue;
      const before = methodExampleInput(counterpart);
      const after = methodExampleInput(method);
      if (
        !isExampleMethod(counterpart) ||
        !isExampleMethod(method) ||
        normalizeTokens(before.code) === normalizeTokens(after.code)
      ) {
        stats.skippedMethods++;
        continue;
      }
      methods++;
      examples.push({ ...before, label: 0, key: method.key, source: "fix:before" });
      examples.push({ ...after, label: 1, key: method.key, source: "fix:after" });
    }
    stats.methods += methods;
    if (methods > 0) stats.fixCommitsWithMethods++;
    if ((index + 1) % 50 === 0 || index + 1 === fixes.length) {
      log(`fixes: ${index + 1}/${fixes.length} fix commits, ${stats.methods} methods`);
    }
  }
  return { examples, stats };
}

interface Commit {
  sha: string;
  /** First parent; null for a root commit (nothing to compare with). */
  parent: string | null;
  message: string;
}

async function listCommits(git: SimpleGit, sha: string): Promise<Commit[]> {
  // `-z` separates commits with NUL, which a commit message cannot hold.
  const out = await git.raw(["log", "-z", "--no-merges", "--no-color", "--format=%H %P%n%B", sha, "--"]);
  const commits: Commit[] = [];
  for (const record of out.split("\0")) {
    const newline = record.indexOf("\n");
    const [hash, parent] = (newline === -1 ? record : record.slice(0, newline)).trim().split(" ");
    if (!hash) continue;
    commits.push({
      sha: hash,
      parent: parent ?? null,
      message: newline === -1 ? "" : record.slice(newline + 1),
    });
  }
  return commits;
}
