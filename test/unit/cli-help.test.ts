import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("java-judge --help", () => {
  it("lists the commands", async () => {
    const { stdout } = await run("node", ["bin/java-judge.js", "--help"]);
    for (const c of ["serve", "worker", "action", "methods", "changed", "score", "review", "eval", "pull"]) {
      expect(stdout).toContain(c);
    }
  });

  it("exits 2 on an unknown option", async () => {
    await expect(run("node", ["bin/java-judge.js", "methods", "--nope"])).rejects.toMatchObject({ code: 2 });
  });
});
