import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("java-judge --help", () => {
  it("lists the commands", async () => {
    const { stdout } = await run("node", ["bin/java-judge.js", "--help"]);
    for (const c of [
      "serve",
      "worker",
      "action",
      "methods",
      "changed",
      "score",
      "review",
      "eval",
      "rank-eval",
      "export",
      "dataset",
      "pull",
    ]) {
      expect(stdout).toContain(c);
    }
  });

  it("exits 2 on an unknown option, with one line on stderr", async () => {
    const failure = await run("node", ["bin/java-judge.js", "methods", "--nope"]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split("\n")).toEqual([
      "java-judge: unknown option '--nope'; see java-judge help [command]",
    ]);
  });

  it("exits 2 on a missing required option, with one line on stderr", async () => {
    const failure = await run("node", ["bin/java-judge.js", "changed", "--base", "HEAD"]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split("\n")).toHaveLength(1);
    expect(failure?.stderr).toContain("--repo");
  });
});
