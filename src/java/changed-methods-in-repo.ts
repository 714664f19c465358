import { listChangedMethodPairs } from "./list-changed-method-pairs.js";
import { loadJavaParser } from "./load-java-parser.js";
import { openGitRepository } from "./open-git-repository.js";
import { resolveCommit } from "./resolve-commit.js";
import type { ChangedMethod } from "./types.js";

export interface ChangedMethodsInRepoParams {
  repoDir: string;
  base: string;
  /** Defaults to HEAD. */
  head?: string;
}

/** The changed methods between two commits of a local repository, `.java` files only, in path order. */
export async function changedMethodsInRepo(params: ChangedMethodsInRepoParams): Promise<ChangedMethod[]> {
  const git = await openGitRepository(params.repoDir);
  const baseSha = await resolveCommit(git, params.base);
  const headSha = await resolveCommit(git, params.head ?? "HEAD");
  const pairs = await listChangedMethodPairs({ git, baseSha, headSha, parser: await loadJavaParser() });
  return pairs.map((pair) => pair.method);
}
