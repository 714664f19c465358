import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDatasetLines } from "../../../src/dataset/build-dataset.js";
import { collectFeedbackExamples } from "../../../src/dataset/collect-feedback-examples.js";
import { type CreateDatasetParams, createDataset } from "../../../src/dataset/create-dataset.js";
import { parseFixPattern } from "../../../src/dataset/parse-dataset-options.js";
import { openStore } from "../../../src/store/open-store.js";
import type { FeedbackRecord } from "../../../src/store/types.js";
import { createGitFixture } from "../java/git-fixture.js";

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)), "utf8");

const FOO_BUGGY = `class Foo {
  /** Sums 0..n-1. */
  int bar(int n) {
    int sum = 0;
    for (int i = 0; i <= n; i++) sum += i;
    return sum;
  }

  int baz() { return 1; }
}
`;
const FOO_FIXED = FOO_BUGGY.replace("i <= n", "i < n");
const FOO_COMMENTED = FOO_FIXED.replace("int sum = 0;", "int sum = 0; // running total");

const repo = createGitFixture();
let first = "";
const params = (over: Partial<CreateDatasetParams>): CreateDatasetParams => ({
  repoDir: repo.dir,
  rev: "HEAD",
  sources: [{ kind: "mutants" }],
  paths: [],
  includeTests: false,
  perMethod: 3,
  seed: 0,
  split: [0.8, 0.1, 0.1],
  fixPattern: parseFixPattern(),
  databaseUrl: "sqlite::memory:",
  log: () => {},
  ...over,
});

beforeAll(() => {
  first = repo.commit(
    {
      "src/main/java/Foo.java": FOO_BUGGY,
      "src/main/java/com/example/ledger/Ledger.java": fixture("dataset/Ledger.java"),
      "src/main/java/Basics.java": fixture("java/Basics.java"),
    },
    "Add Foo, Ledger and Basics",
  );
  repo.commit({ "src/main/java/Foo.java": FOO_FIXED }, "Fix off-by-one in Foo.bar");
  repo.commit({ "src/main/java/Foo.java": FOO_COMMENTED }, "Fixed: explain the sum");
  repo.commit({ "src/test/java/FooTest.java": "class FooTest { void t() { int a = 1; } }\n" }, "Add a test");
  repo.commit(
    { "src/test/java/FooTest.java": "class FooTest { void t() { int a = 2; } }\n" },
    "Fix the test",
  );
  // A branch whose own commit does not say "fix", merged by a commit that does: merges are not fixes.
  repo.git("checkout", "-q", "-b", "tidy");
  repo.commit({ "src/main/java/Foo.java": FOO_COMMENTED.replace("return 1;", "return 2;") }, "Tidy baz");
  repo.git("checkout", "-q", "main");
  repo.git("merge", "-q", "--no-ff", "-m", "Merge branch tidy (fixes the build)", "tidy");
  // The work tree is not what is read: an uncommitted edit must not show.
  writeFileSync(join(repo.dir, "src/main/java/Foo.java"), "class Foo { int uncommitted() { return 42; } }\n");
});

afterAll(() => repo.remove());

describe("--from fixes", () => {
  it("gives the before (0) and after (1) of each method a fix commit modifies", async () => {
    const { splits, stats } = await createDataset(params({ sources: [{ kind: "fixes" }], split: [1, 0, 0] }));
    expect(splits.train.map((l) => [l.source, l.label, l.key, l.code.includes("i <= n")])).toEqual([
      ["fix:before", 0, "src/main/java/Foo.java:Foo#bar(int)", true],
      ["fix:after", 1, "src/main/java/Foo.java:Foo#bar(int)", false],
    ]);
    expect(splits.train[0]?.task).toBe("Sums 0..n-1.");
    expect(stats.fixes).toMatchObject({
      commits: 6,
      // "Fix off-by-one", "Fixed: explain" (a comment only: skipped), "Fix the test" (a test: not read).
      fixCommits: 3,
      fixCommitsWithMethods: 1,
      methods: 1,
      skippedMethods: 1,
    });
  });

  it("reads test sources with includeTests, and takes another pattern", async () => {
    const { stats } = await createDataset(
      params({
        sources: [{ kind: "fixes" }],
        includeTests: true,
        fixPattern: parseFixPattern("^(fix|tidy)"),
        split: [1, 0, 0],
      }),
    );
    expect(stats.fixes).toMatchObject({ fixCommits: 4, methods: 3, skippedMethods: 1 });
  });
});

describe("--from mutants", () => {
  it("labels every method with a body at the commit 1 and its mutants 0, read from git objects", async () => {
    const { splits, stats } = await createDataset(params({ split: [1, 0, 0] }));
    const lines = splits.train;
    expect(lines.some((l) => l.code.includes("uncommitted"))).toBe(false);
    expect(lines.some((l) => l.key.includes("FooTest"))).toBe(false);
    const originals = lines.filter((l) => l.source === "original");
    expect(originals.map((l) => l.key)).toContain("src/main/java/Foo.java:Foo#baz()");
    // Deduplication may merge identical methods (and a mutant equal to another method drops both).
    expect(originals.length).toBeGreaterThan(20);
    expect(originals.length).toBeLessThanOrEqual(stats.mutants?.methods ?? 0);
    expect(stats.mutants?.mutants).toBeGreaterThan(originals.length);
    for (const line of lines.filter((l) => l.label === 0)) {
      expect(line.source).toMatch(/^mutant:[a-z-]+$/);
      expect(originals.some((o) => o.key === line.key)).toBe(true);
    }
    // At most 3 mutants per method.
    const perKey = new Map<string, number>();
    for (const l of lines.filter((x) => x.label === 0)) perKey.set(l.key, (perKey.get(l.key) ?? 0) + 1);
    expect(Math.max(...perKey.values())).toBeLessThanOrEqual(3);
  });

  it("reads an older revision and only the globs asked", async () => {
    const { splits } = await createDataset(params({ rev: first, paths: ["**/Foo.java"], split: [1, 0, 0] }));
    expect(new Set(splits.train.map((l) => l.key))).toEqual(
      new Set(["src/main/java/Foo.java:Foo#bar(int)", "src/main/java/Foo.java:Foo#baz()"]),
    );
    expect(splits.train.find((l) => l.source === "original" && l.key.endsWith("bar(int)"))?.code).toContain(
      "i <= n",
    );
  });

  it("writes the same bytes for the same seed and other bytes for another seed", async () => {
    const render = async (seed: number) => {
      const { splits, stats } = await createDataset(params({ seed }));
      return `${renderDatasetLines(splits.train)}|${renderDatasetLines(splits.valid)}|${renderDatasetLines(splits.test)}|${JSON.stringify(stats)}`;
    };
    const a = await render(11);
    expect(await render(11)).toBe(a);
    expect(await render(12)).not.toBe(a);
  });

  it("never puts one method key in two splits, across mutants and fixes", async () => {
    for (const seed of [1, 2, 3]) {
      const { splits } = await createDataset(
        params({ seed, sources: [{ kind: "mutants" }, { kind: "fixes" }], split: [0.4, 0.3, 0.3] }),
      );
      const owner = new Map<string, string>();
      for (const [name, lines] of Object.entries(splits)) {
        for (const line of lines) {
          expect(owner.get(line.key) ?? name).toBe(name);
          owner.set(line.key, name);
        }
      }
    }
  });
});

describe("--from feedback and FILE.jsonl", () => {
  const dir = mkdtempSync(join(tmpdir(), "java-judge-dataset-"));
  const url = `sqlite:${join(dir, "store.db")}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const record = (over: Partial<FeedbackRecord>): FeedbackRecord => ({
    repo: "acme/shop",
    pullNumber: 7,
    methodKey: "src/A.java:A#max(int[])",
    signal: "reaction:+1",
    label: 0,
    description: "Returns the largest element.",
    code: "int max(int[] a) { return 0; }",
    signature: "int max(int[] a)",
    score: 0.2,
    createdAt: "2026-03-01T00:00:00.000Z",
    ...over,
  });

  beforeAll(async () => {
    const store = await openStore(url);
    await store.addFeedback(record({}));
    await store.addFeedback(record({ pullNumber: 8, signal: "changed-after-flag" }));
    await store.addFeedback(
      record({ code: "int max(int[] a) { return a[0]; }", label: 1, signal: "reaction:-1" }),
    );
    // Two verdicts that disagree on one method: export leaves it out, so does dataset.
    await store.addFeedback(
      record({ methodKey: "src/B.java:B#f()", code: "void f() {}", signal: "reaction:+1" }),
    );
    await store.addFeedback(
      record({ methodKey: "src/B.java:B#f()", code: "void f() {}", label: 1, signal: "reaction:-1" }),
    );
    await store.close();
  });

  it("reads reviewers' verdicts from a SQLite store as export merges them", async () => {
    const { examples, stats } = await collectFeedbackExamples(url);
    expect(stats).toEqual({ records: 5, examples: 2, conflicts: 1 });
    expect(examples).toEqual([
      {
        task: "Returns the largest element.",
        code: "int max(int[] a) { return 0; }",
        label: 0,
        key: "src/A.java:A#max(int[])",
        source: "feedback:reaction:+1",
      },
      {
        task: "Returns the largest element.",
        code: "int max(int[] a) { return a[0]; }",
        label: 1,
        key: "src/A.java:A#max(int[])",
        source: "feedback:reaction:-1",
      },
    ]);
  });

  it("combines feedback with a labelled file; the file's key, task_id or task groups its lines", async () => {
    const file = join(dir, "labels.jsonl");
    writeFileSync(
      file,
      [
        { id: "1", task: "Adds.", code: "int add(int a, int b) { return a + b; }", label: 1, task_id: "T1" },
        { id: "2", task: "Adds.", code: "int add(int a, int b) { return a - b; }", label: 0, task_id: "T1" },
        { id: "3", code: "int one() { return 1; }", label: 1, key: "K", source: "tests" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    const { splits, stats } = await createDataset(
      params({
        sources: [{ kind: "feedback" }, { kind: "file", path: file }],
        databaseUrl: url,
        split: [1, 0, 0],
      }),
    );
    expect(splits.train.map((l) => [l.key, l.source, l.label])).toEqual([
      ["src/A.java:A#max(int[])", "feedback:reaction:+1", 0],
      ["src/A.java:A#max(int[])", "feedback:reaction:-1", 1],
      ["T1", "file:labels.jsonl", 1],
      ["T1", "file:labels.jsonl", 0],
      ["K", "tests", 1],
    ]);
    expect(stats.feedback).toEqual({ records: 5, examples: 2, conflicts: 1 });
    expect(stats.collected).toEqual({ feedback: 2, [file]: 3 });
    expect(stats.params.commit).toBeNull();
  });

  it("refuses a dataset with one class only, and a file line that is not eval's format", async () => {
    const ones = join(dir, "ones.jsonl");
    writeFileSync(ones, `${JSON.stringify({ id: "a", code: "int one() { return 1; }", label: 1 })}\n`);
    await expect(createDataset(params({ sources: [{ kind: "file", path: ones }] }))).rejects.toThrow(
      /^no example labelled incorrect \(label 0\)/,
    );
    const bad = join(dir, "bad.jsonl");
    writeFileSync(
      bad,
      `${JSON.stringify({ id: "a", code: "x", label: 1 })}\n{"id": "b", "code": "y", "label": 2}\n`,
    );
    await expect(createDataset(params({ sources: [{ kind: "file", path: bad }] }))).rejects.toThrow(
      `${bad} line 2: "label" must be 1 (correct) or 0 (incorrect), got 2`,
    );
  });
});
