import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGitFixture } from "../unit/java/git-fixture.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run("node", ["bin/java-judge.js", ...args], { env: { ...process.env, JUDGE_MODEL: "" } });

const CALC = `class Calc {
  /** Adds two numbers. */
  int add(int a, int b) { return a + b; }

  /** Subtracts b from a. */
  int sub(int a, int b) { return a - b - 1; /* BUG */ }
}
`;

let model = "";
let dir = "";
const repo = createGitFixture();
let base = "";

beforeAll(async () => {
  model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
  dir = mkdtempSync(join(tmpdir(), "java-judge-cli-"));
  writeFileSync(join(dir, "Calc.java"), CALC);
  base = repo.commit(
    { "src/Calc.java": "class Calc {\n  int add(int a, int b) { return a + b; }\n}\n" },
    "base",
  );
  repo.commit({ "src/Calc.java": CALC }, "head");
});

afterAll(() => {
  repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe("java-judge score", () => {
  it("prints every method with its score; the marked one scores low", async () => {
    const { stdout, stderr } = await cli("score", join(dir, "Calc.java"), "--model", model, "--json");
    const out = JSON.parse(stdout) as { name: string; score: number; startLine: number }[];
    expect(out.map((m) => m.name)).toEqual(["add", "sub"]);
    const [add, sub] = out;
    expect(add?.score).toBeGreaterThan(0.9);
    expect(sub?.score).toBeLessThan(0.1);
    expect(sub?.startLine).toBe(6);
    // Progress goes to stderr, never into the JSON.
    expect(stderr).toContain("scoring 2/2");
  });

  it("--method keeps one method", async () => {
    const { stdout } = await cli(
      "score",
      join(dir, "Calc.java"),
      "--model",
      model,
      "--method",
      "add",
      "--json",
    );
    expect((JSON.parse(stdout) as { name: string }[]).map((m) => m.name)).toEqual(["add"]);
  });

  it("a model file that is not a GGUF: one line, exit 1", async () => {
    const fake = join(dir, "fake.gguf");
    writeFileSync(fake, "not a model at all");
    const failure = await cli("score", join(dir, "Calc.java"), "--model", fake, "--json").catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split("\n")).toHaveLength(1);
    expect(failure.stderr).toContain("GGUF");
  });

  it("a missing model: one line naming the path", async () => {
    const failure = await cli("score", join(dir, "Calc.java"), "--model", join(dir, "nope.gguf")).catch(
      (e) => e,
    );
    expect(failure.code).toBeGreaterThan(0);
    expect(failure.stderr.trim().split("\n")).toHaveLength(1);
    expect(failure.stderr).toContain("nope.gguf");
  });
});

describe("java-judge review", () => {
  it("reviews the changed methods of a branch: the added buggy method is flagged", async () => {
    const { stdout } = await cli("review", "--repo", repo.dir, "--base", base, "--model", model, "--json");
    const out = JSON.parse(stdout) as { methods: { name: string; change: string; verdict: string }[] };
    expect(out.methods.map((m) => [m.name, m.change, m.verdict])).toEqual([["sub", "added", "flagged"]]);
  });

  it("without --json prints a readable line per method", async () => {
    const { stdout } = await cli("review", "--repo", repo.dir, "--base", base, "--model", model);
    expect(stdout).toContain("sub");
    expect(stdout).toMatch(/Calc\.sub.*flagged/);
  });
});

describe("java-judge pull", () => {
  it("without a name lists the catalogue's models", async () => {
    const { stdout } = await cli("pull");
    expect(stdout.trim().split("\n").length).toBeGreaterThan(1);
  });

  it("an unknown model name is a usage error", async () => {
    const failure = await cli("pull", "no-such-model").catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr.trim().split("\n")).toHaveLength(1);
  });
});
