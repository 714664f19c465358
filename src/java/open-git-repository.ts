import { existsSync } from "node:fs";
import { type SimpleGit, simpleGit } from "simple-git";
import { UsageError } from "../errors.js";

/** A git client on a local repository; a missing directory or one outside any repository is bad input. */
export async function openGitRepository(repoDir: string): Promise<SimpleGit> {
  if (!existsSync(repoDir)) throw new UsageError(`repository ${repoDir} does not exist: pass --repo DIR`);
  const git = simpleGit(repoDir);
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new UsageError(`${repoDir} is not a git repository: pass --repo with a git working tree`);
  }
  return git;
}
