import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canComment } from "../../../src/diff/can-comment.js";
import { commentableRange } from "../../../src/diff/commentable-range.js";
import { parsePatch } from "../../../src/diff/parse-patch.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";

const read = (name: string) => readFileSync(new URL(`../../fixtures/diffs/${name}`, import.meta.url), "utf8");
const patch = parsePatch(read("records-modified.patch"));

async function spans(): Promise<Map<string, [number, number]>> {
  const methods = (await loadJavaParser()).extractMethods("Records.java", read("Records.head.java"));
  return new Map(methods.map((m) => [`${m.name}(${m.parameterTypes.join(",")})`, [m.startLine, m.endLine]]));
}

describe("canComment", () => {
  it("allows a range inside one hunk, added or context lines", async () => {
    const span = await spans();
    expect(canComment(patch, ...span.get("Point(double,double)")!)).toBe(true);
    expect(canComment(patch, ...span.get("unit()")!)).toBe(true);
    expect(canComment(patch, ...span.get("origin()")!)).toBe(true);
  });

  it("refuses ranges off the diff, across hunks or malformed", async () => {
    const span = await spans();
    expect(canComment(patch, ...span.get("Point(double)")!)).toBe(false);
    expect(canComment(patch, ...span.get("sum(List<Point>)")!)).toBe(false);
    expect(canComment(patch, 12, 20)).toBe(false);
    expect(canComment(patch, 14, 13)).toBe(false);
    expect(canComment(patch, 0, 1)).toBe(false);
    expect(canComment(patch, 12.5, 13)).toBe(false);
    expect(canComment(parsePatch(undefined), 1, 1)).toBe(false);
  });
});

describe("commentableRange", () => {
  it("keeps the whole span when it may carry a comment", () => {
    expect(commentableRange(patch, 20, 22)).toEqual({ start: 20, end: 22 });
  });

  it("clips a span to the part inside the diff", async () => {
    const span = await spans();
    expect(commentableRange(patch, ...span.get("sum(List<Point>)")!)).toEqual({ start: 59, end: 65 });
    expect(commentableRange(patch, ...span.get("Point(double)")!)).toEqual({ start: 17, end: 18 });
  });

  it("prefers the hunk with added lines over a larger one with context only", () => {
    const twoHunks = parsePatch(
      "@@ -1,8 +1,8 @@\n a\n b\n c\n d\n e\n f\n g\n h\n@@ -20,3 +20,4 @@\n x\n+y\n z\n w\n",
    );
    expect(commentableRange(twoHunks, 1, 30)).toEqual({ start: 20, end: 23 });
    const contextOnly = parsePatch("@@ -1,3 +1,3 @@\n a\n b\n c\n@@ -10,5 +10,5 @@\n a\n b\n c\n d\n e\n");
    expect(commentableRange(contextOnly, 1, 30)).toEqual({ start: 10, end: 14 });
  });

  it("gives null when no line of the span is in the diff", () => {
    expect(commentableRange(patch, 30, 40)).toBeNull();
    expect(commentableRange(parsePatch(null), 1, 10)).toBeNull();
  });
});
