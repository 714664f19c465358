import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CALC_PATH = "src/main/java/com/example/Calc.java";

export function readJava(name: "base" | "head" | "fixed"): string {
  return readFileSync(new URL(`../../fixtures/payloads/java/Calc.${name}.java`, import.meta.url), "utf8");
}

/** The unified patch GitHub would show in `pulls.listFiles`: a real `git diff`, from the first hunk on. */
export function makePatch(base: string, head: string): string {
  const dir = mkdtempSync(join(tmpdir(), "jj-patch-"));
  try {
    writeFileSync(join(dir, "a"), base);
    writeFileSync(join(dir, "b"), head);
    let out = "";
    try {
      execFileSync("git", ["diff", "--no-index", "--no-color", "a", "b"], { cwd: dir, encoding: "utf8" });
    } catch (error) {
      out = (error as { stdout: string }).stdout; // exit 1 = the files differ
    }
    return out.slice(out.indexOf("@@")).replace(/\n$/, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
