import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePatch } from "../../../src/diff/parse-patch.js";

const patch = (name: string) =>
  readFileSync(new URL(`../../fixtures/diffs/${name}`, import.meta.url), "utf8");

describe("parsePatch", () => {
  it("reads the hunks of a GitHub file patch", () => {
    const parsed = parsePatch(patch("records-modified.patch"));
    expect(parsed.hunks.map((h) => [h.leftStart, h.leftCount, h.rightStart, h.rightCount])).toEqual([
      [9, 7, 9, 7],
      [17, 6, 17, 10],
      [55, 6, 59, 7],
    ]);
    expect(parsed.hunks[0]).toMatchObject({
      index: 0,
      addedLines: [12],
      contextLines: [9, 10, 11, 13, 14, 15],
    });
    expect(parsed.hunks[1]!.addedLines).toEqual([20, 21, 22, 23]);
    expect([...parsed.addedLines]).toEqual([12, 20, 21, 22, 23, 62]);
    expect(parsed.rightLineHunk.get(62)).toBe(2);
    expect(parsed.rightLineHunk.has(16)).toBe(false);
    expect(parsed.rightLineHunk.size).toBe(7 + 10 + 7);
  });

  it("skips the no-newline marker", () => {
    const parsed = parsePatch(patch("no-newline.patch"));
    expect(parsed.hunks).toHaveLength(1);
    expect(parsed.hunks[0]).toMatchObject({ addedLines: [2], contextLines: [1, 3] });
  });

  it("reads removed and added lines that look like file headers by the hunk's counts", () => {
    const parsed = parsePatch(patch("dashes.patch"));
    expect(parsed.hunks[0]).toMatchObject({ addedLines: [2], contextLines: [1] });
  });

  it("reads headers without counts, file headers and CRLF content", () => {
    const parsed = parsePatch("diff --git a/A b/A\n--- a/A\n+++ b/A\n@@ -1 +1 @@\r\n-old\r\n+new\r\n");
    expect(parsed.hunks).toEqual([
      {
        index: 0,
        leftStart: 1,
        leftCount: 1,
        rightStart: 1,
        rightCount: 1,
        addedLines: [1],
        contextLines: [],
      },
    ]);
  });

  it("reads a new file and a deleted file", () => {
    expect([...parsePatch("@@ -0,0 +1,2 @@\n+a\n+b").addedLines]).toEqual([1, 2]);
    const deleted = parsePatch("@@ -1,2 +0,0 @@\n-a\n-b\n");
    expect(deleted.hunks).toHaveLength(1);
    expect(deleted.rightLineHunk.size).toBe(0);
  });

  it("gives no lines for an empty or missing patch", () => {
    for (const empty of [undefined, null, ""]) {
      expect(parsePatch(empty)).toEqual({ hunks: [], rightLineHunk: new Map(), addedLines: new Set() });
    }
  });
});
