import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: tmpdir(),
};

/** A throwaway repository; each commit takes a map of path -> content (null deletes the file). */
export function createGitFixture(): {
  dir: string;
  commit(files: Record<string, string | Uint8Array | null>, message: string): string;
  /** Any other git command in the repository (branches, merges); returns its trimmed output. */
  git(...args: string[]): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "java-judge-git-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  return {
    dir,
    commit(files, message) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) {
          git("rm", "-q", "--", path);
          continue;
        }
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
        git("add", "--", path);
      }
      git("commit", "-q", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
    git,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
