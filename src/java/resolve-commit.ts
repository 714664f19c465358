import type { SimpleGit } from "simple-git";
import { UsageError } from "../errors.js";

/** The full sha of a commit, branch or tag; an unknown one is bad input. */
export async function resolveCommit(git: SimpleGit, rev: string): Promise<string> {
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
