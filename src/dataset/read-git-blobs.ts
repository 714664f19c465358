import { spawn } from "node:child_process";
import type { SimpleGit } from "simple-git";

export interface TreeFile {
  path: string;
  /** The blob's object id. */
  oid: string;
}

/** Regular files of a commit's tree (symlinks and submodules left out), read from git's objects. */
export async function listTreeFiles(git: SimpleGit, sha: string): Promise<TreeFile[]> {
  // `-z` keeps paths with spaces or non-ASCII characters as they are instead of git's quoted form.
  const out = await git.raw(["ls-tree", "-r", "-z", "--full-tree", sha]);
  const files: TreeFile[] = [];
  for (const entry of out.split("\0")) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match && match[1] !== "120000") files.push({ path: match[3] as string, oid: match[2] as string });
  }
  return files;
}

/**
 * The contents of blobs, in the order asked, from one `git cat-file --batch` process: one git process per
 * file would cost more than parsing the file.
 */
export function readGitBlobs(repoDir: string, oids: readonly string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: repoDir, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (status) => {
      if (status !== 0) {
        reject(new Error(`git cat-file failed (exit ${status}): ${stderr.trim().split("\n")[0] ?? ""}`));
        return;
      }
      try {
        resolve(parseBatch(Buffer.concat(chunks), oids.length));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(oids.map((oid) => `${oid}\n`).join(""));
  });
}

/** `<oid> blob <size>\n<content>\n`, once per object asked. */
function parseBatch(out: Buffer, count: number): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const newline = out.indexOf(10, at);
    const header = out.subarray(at, newline).toString();
    const match = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!match) throw new Error(`git cat-file: unexpected answer ${JSON.stringify(header)}`);
    const size = Number(match[1]);
    blobs.push(out.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return blobs;
}
