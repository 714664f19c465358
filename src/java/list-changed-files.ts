import type { SimpleGit } from "simple-git";

export interface ChangedFile {
  /** Path in the head commit. */
  path: string;
  /** Path in the base commit (differs for a renamed file); null for a new file. */
  basePath: string | null;
}

/**
 * Files that differ between two commits, renames followed (`-M`), deleted files left out. `-z` keeps paths
 * with spaces or non-ASCII characters as they are instead of git's quoted form.
 */
export async function listChangedFiles(git: SimpleGit, base: string, head: string): Promise<ChangedFile[]> {
  const out = await git.raw([
    "diff",
    "--name-status",
    "-z",
    "-M",
    "--no-color",
    "--no-ext-diff",
    base,
    head,
    "--",
  ]);
  const fields = out.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? "";
    if (status === "") continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const from = fields[i++] ?? "";
      const to = fields[i++] ?? "";
      // A copy leaves the source in place: the new file is compared with it, as GitHub shows it.
      files.push({ path: to, basePath: from });
    } else {
      const path = fields[i++] ?? "";
      if (letter === "D") continue;
      files.push({ path, basePath: letter === "A" ? null : path });
    }
  }
  return files;
}
