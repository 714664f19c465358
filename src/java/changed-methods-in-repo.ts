import { existsSync } from "node:fs";
import { type SimpleGit, simpleGit } from "simple-git";
import { UsageError } from "../errors.js";
import { decodeSource } from "./decode-source.js";
import { findChangedMethods } from "./find-changed-methods.js";
import { listChangedFiles } from "./list-changed-files.js";
import { loadJavaParser } from "./load-java-parser.js";
import type { ChangedMethod } from "./types.js";

export interface ChangedMethodsInRepoParams {
  repoDir: string;
  base: string;
  /** Defaults to HEAD. */
  head?: string;
}

/** The changed methods between two commits of a local repository, `.java` files only, in path order. */
export async function changedMethodsInRepo(params: ChangedMethodsInRepoParams): Promise<ChangedMethod[]> {
  const { repoDir, base } = params;
  const head = params.head ?? "HEAD";
  if (!existsSync(repoDir)) throw new UsageError(`repository ${repoDir} does not exist: pass --repo DIR`);
  const git = simpleGit(repoDir);
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new UsageError(`${repoDir} is not a git repository: pass --repo with a git working tree`);
  }
  const [baseSha, headSha] = [await resolveCommit(git, base), await resolveCommit(git, head)];
  const files = (await listChangedFiles(git, baseSha, headSha)).filter((f) => f.path.endsWith(".java"));
  const parser = await loadJavaParser();
  const changed: ChangedMethod[] = [];
  for (const file of files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const headText = await readSource(git, headSha, file.path);
    if (headText === null) continue;
    const baseText = file.basePath === null ? null : await readSource(git, baseSha, file.basePath);
    const baseMethods = baseText === null ? null : parser.extractMethods(file.path, baseText);
    changed.push(...findChangedMethods(baseMethods, parser.extractMethods(file.path, headText)));
  }
  return changed;
}

async function resolveCommit(git: SimpleGit, rev: string): Promise<string> {
  // `--quiet` makes a bad revision print nothing (simple-git then resolves with ""), never an error.
  const sha = await git
    .raw(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`])
    .then((out) => out.trim())
    .catch(() => "");
  if (!/^[0-9a-f]{40,64}$/.test(sha)) {
    throw new UsageError(
      `unknown revision ${JSON.stringify(rev)}: pass a commit, branch or tag of the repository`,
    );
  }
  return sha;
}

/** The file's text at a commit; null when it is binary (a `.java` name does not make it source). */
async function readSource(git: SimpleGit, sha: string, path: string): Promise<string | null> {
  const decoded = decodeSource(await git.showBuffer([`${sha}:${path}`]));
  return decoded.binary ? null : decoded.text;
}
