import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerDatasetCommand } from "../../../src/cli/dataset.js";
import { createGitFixture } from "../java/git-fixture.js";

const run = promisify(execFile);
const cli = (...args: string[]) => run("node", ["bin/java-judge.js", "dataset", ...args]);
/** The stderr lines that are not progress. */ const errorLines = (stderr: string) =>
  stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("java-judge dataset: "));

/**
 * The command in this process (a process start costs seconds of TypeScript compilation here): the same
 * registration cli.ts makes, with stdout, stderr and the exit code captured.
 */
async function runInProcess(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const program = new Command("java-judge").exitOverride();
  registerDatasetCommand(program);
  let stderr = "";
  const mute = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const capture = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "java-judge", "dataset", ...args]);
  } finally {
    mute.mockRestore();
    capture.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, lines: errorLines(stderr) };
}

const repo = createGitFixture();
const dir = mkdtempSync(join(tmpdir(), "java-judge-dataset-cli-"));
const LEDGER = readFileSync(
  fileURLToPath(new URL("../../fixtures/dataset/Ledger.java", import.meta.url)),
  "utf8",
);

beforeAll(() => {
  repo.commit({ "src/main/java/Ledger.java": LEDGER }, "Add Ledger");
  repo.commit(
    { "src/main/java/Ledger.java": LEDGER.replace("size >= balances.length", "size > balances.length") },
    "Tweak",
  );
  repo.commit({ "src/main/java/Ledger.java": LEDGER }, "Fix off-by-one in Ledger.append");
  writeFileSync(
    join(dir, "ones.jsonl"),
    `${JSON.stringify({ id: "a", code: "int one() { return 1; }", label: 1 })}\n`,
  );
  writeFileSync(
    join(dir, "bad.jsonl"),
    `${JSON.stringify({ id: "a", code: "int f() {}", label: 1 })}\nnot json\n`,
  );
});

afterAll(() => {
  repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe("java-judge dataset", () => {
  it("writes the three splits and stats.json, prints the stats with --json, the same bytes for the same seed", async () => {
    const outs = [join(dir, "a"), join(dir, "b")];
    const args = (out: string) => [
      "--repo",
      repo.dir,
      "--from",
      "mutants",
      "--from",
      "fixes",
      "--seed",
      "5",
      "--out",
      out,
    ];
    // One run through bin/java-judge.js (the wiring in cli.ts), one in this process.
    const a = await cli(...args(outs[0]!), "--json");
    expect(await runInProcess(...args(outs[1]!))).toEqual({ code: 0, lines: [] });
    const stats = JSON.parse(a.stdout);
    expect(stats).toEqual(JSON.parse(readFileSync(join(outs[0]!, "stats.json"), "utf8")));
    expect(stats.fixes).toMatchObject({ fixCommits: 1, methods: 1 });
    expect(stats.collected).toEqual({ mutants: expect.any(Number), fixes: 2 });
    expect(stats.byLabel["0"]).toBeGreaterThan(stats.byLabel["1"]);
    expect(a.stderr).toMatch(/java-judge dataset: mutants: 1\/1 files, \d+ methods, \d+ mutants/);
    expect(a.stderr).toMatch(/java-judge dataset: wrote \d+ examples .* examples\/s/);
    for (const name of ["train.jsonl", "valid.jsonl", "test.jsonl", "stats.json"]) {
      expect(readFileSync(join(outs[1]!, name))).toEqual(readFileSync(join(outs[0]!, name)));
    }
    const lines = ["train", "valid", "test"].flatMap((n) =>
      readFileSync(join(outs[0]!, `${n}.jsonl`), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    );
    expect(lines).toHaveLength(stats.examples);
  });
});

describe("java-judge dataset: bad input", () => {
  it.each([
    [["--repo", dir], `java-judge: ${dir} is not a git repository: pass --repo with a git working tree`],
    [
      ["--rev", "nope"],
      'java-judge: unknown revision "nope": pass a commit, branch or tag of the repository',
    ],
    [
      ["--paths", "lib/**"],
      "java-judge: no Java methods with a body at HEAD under lib/** (test sources are left out unless --include-tests): check --rev and --paths",
    ],
    [
      ["--split", "0.5,0.5,0.5"],
      'java-judge: --split "0.5,0.5,0.5": expected three non-negative numbers (train, valid, test) that sum to 1, e.g. 0.8,0.1,0.1',
    ],
    [
      ["--from", "fixes", "--fix-pattern", "(fix"],
      'java-judge: --fix-pattern "(fix": not a valid regular expression (Invalid regular expression: /(fix/i: Unterminated group)',
    ],
    [
      ["--from", "nope.jsonl"],
      "java-judge: --from nope.jsonl: cannot read it (no such file); --from takes mutants, fixes, feedback or a FILE.jsonl",
    ],
    [["--from", join(dir, "bad.jsonl")], `java-judge: ${join(dir, "bad.jsonl")} line 2: not valid JSON`],
    [
      ["--from", join(dir, "ones.jsonl")],
      "java-judge: no example labelled incorrect (label 0) after deduplication",
    ],
    [["--per-method", "x"], 'java-judge: --per-method "x": expected a whole number from 0 to 1000'],
  ])("exits 2 with one line for bad input: %j", async (args, message) => {
    const result = await runInProcess("--repo", repo.dir, "--out", join(dir, "never"), ...args);
    expect(result.code).toBe(2);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]?.startsWith(message)).toBe(true);
  });
});
