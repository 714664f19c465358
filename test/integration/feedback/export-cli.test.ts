import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { recordFlaggedMethodChanged } from "../../../src/feedback/record-flagged-method-changed.js";
import { openStore } from "../../../src/store/open-store.js";
import type { PostedComment } from "../../../src/store/types.js";

const run = promisify(execFile);
const NOW = () => new Date("2026-03-01T12:00:00Z");

const comment: PostedComment = {
  repo: "acme/shop",
  pullNumber: 7,
  methodKey: "src/Prices.java:Prices#clamp(int,int,int)",
  bodyHash: "h",
  commentId: 1,
  commentNodeId: "n",
  threadNodeId: null,
  path: "src/Prices.java",
  line: 3,
  score: 0.1,
  state: "open",
  headSha: "c".repeat(40),
  createdAt: NOW().toISOString(),
};
const before = {
  description: "Returns value limited to [lo, hi].",
  signature: "static int clamp(int value, int lo, int hi)",
  code: "static int clamp(int value, int lo, int hi) {\n    return Math.min(lo, Math.max(hi, value));\n}",
};
const fixed =
  "static int clamp(int value, int lo, int hi) {\n    return Math.max(lo, Math.min(hi, value));\n}";

describe("recordFlaggedMethodChanged + java-judge export", () => {
  it("records a committed suggestion, then exports training and eval lines, deduplicated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jj-export-"));
    const url = `sqlite:${join(dir, "db.sqlite")}`;
    const store = await openStore(url);
    // Whitespace differences do not matter: it is still the suggestion.
    const suggestion = fixed.replace("return", "return  ");
    expect(
      await recordFlaggedMethodChanged({ store, comment, before, afterCode: fixed, suggestion, now: NOW }),
    ).toBe("suggestion-committed");
    // A second push changing the same flagged text again: the same prompt and label, merged on export.
    expect(
      await recordFlaggedMethodChanged({
        store,
        comment,
        before,
        afterCode: "static int clamp() {}",
        now: NOW,
      }),
    ).toBe("changed-after-flag");
    expect((await store.listFeedback()).map((f) => [f.signal, f.label, f.score])).toEqual([
      ["suggestion-committed", 0, 0.1],
      ["suggestion-committed", 1, null],
      ["changed-after-flag", 0, 0.1],
    ]);
    await store.close();

    const out = join(dir, "train.jsonl");
    const evalOut = join(dir, "eval.jsonl");
    const { stdout, stderr } = await run("node", [
      "bin/java-judge.js",
      "export",
      "--out",
      out,
      "--eval-out",
      evalOut,
      "--database-url",
      url,
    ]);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "java-judge export: 2 examples from 3 feedback records (1 duplicates merged, 0 prompts with conflicting labels left out)\n",
    );
    const train = readFileSync(out, "utf8").split("\n");
    expect(train).toHaveLength(3);
    const [wrong, right] = train.slice(0, 2).map((l) => JSON.parse(l));
    expect(wrong.prompt).toBe(
      `### Description\n${before.description}\n### Signature\n${before.signature}\n### Candidate\n${before.code}\n### Rating (1 = correct, 0 = incorrect)\n`,
    );
    expect(wrong).toMatchObject({ completion: "0", label: 0 });
    expect(wrong.sources.map((s: { signal: string }) => s.signal)).toEqual([
      "suggestion-committed",
      "changed-after-flag",
    ]);
    expect(right).toMatchObject({
      completion: "1",
      label: 1,
      sources: [{ signal: "suggestion-committed", pullNumber: 7 }],
    });
    expect(right.prompt).toContain(`### Candidate\n${fixed}\n`);

    const evalLines = readFileSync(evalOut, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(evalLines).toEqual([
      {
        id: wrong.id,
        task: before.description,
        code: before.code,
        label: 0,
        sources: ["suggestion-committed", "changed-after-flag"],
      },
      { id: right.id, task: before.description, code: fixed, label: 1, sources: ["suggestion-committed"] },
    ]);
  });

  it("an unreachable database exits 1 with one line", async () => {
    await expect(
      run("node", ["bin/java-judge.js", "export", "--out", "/tmp/x.jsonl", "--database-url", "mysql://nope"]),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/^java-judge: .+\n$/) });
  });
});

describe("java-judge export --template", () => {
  it("an unknown judge name is a usage error, before the store is read", async () => {
    const failure = await run("node", [
      "bin/java-judge.js",
      "export",
      "--out",
      join(tmpdir(), "never.jsonl"),
      "--template",
      "no-such-judge",
      "--database-url",
      "mysql://never-opened",
    ]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr.trim().split("\n")).toEqual([
      "java-judge: --template no-such-judge: no judge of that name with a template in models/models.json",
    ]);
  });

  it("renders the prompts in a models.json judge's template", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jj-export-t-"));
    const url = `sqlite:${join(dir, "db.sqlite")}`;
    const store = await openStore(url);
    await recordFlaggedMethodChanged({ store, comment, before, afterCode: fixed, now: NOW });
    await store.close();
    const out = join(dir, "train.jsonl");
    await run("node", [
      "bin/java-judge.js",
      "export",
      "--out",
      out,
      "--database-url",
      url,
      "--template",
      "judge-qwen2.5-coder-3b",
    ]);
    const [line] = readFileSync(out, "utf8").split("\n");
    expect(JSON.parse(line ?? "{}").prompt).toMatch(
      /^### Description\n.*\n### Rating \(1 = correct, 0 = incorrect\)\n$/s,
    );
  });
});
