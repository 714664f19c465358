import { describe, expect, it } from "vitest";
import type { ParsedPatch } from "../../../src/diff/types.js";
import { type CanComment, renderSuggestion } from "../../../src/generator/render-suggestion.js";

/** A patch with one hunk showing RIGHT lines 10..20. */
const patch: ParsedPatch = {
  hunks: [
    {
      index: 0,
      leftStart: 10,
      leftCount: 9,
      rightStart: 10,
      rightCount: 11,
      addedLines: [12, 13],
      contextLines: [10, 11, 14, 15, 16, 17, 18, 19, 20],
    },
  ],
  rightLineHunk: new Map(Array.from({ length: 11 }, (_, i) => [10 + i, 0])),
  addedLines: new Set([12, 13]),
};
const inOneHunk: CanComment = (p, start, end) => {
  const hunk = p.rightLineHunk.get(start);
  for (let line = start; line <= end; line++)
    if (p.rightLineHunk.get(line) !== hunk || hunk === undefined) return false;
  return true;
};
const original = { startLine: 12, endLine: 14, indent: "    ", text: "int f() {\n        return 1;\n    }" };
const code = "int f() {\n    return 2;\n}";

describe("renderSuggestion", () => {
  it("renders a suggestion block on the method's lines, with the original's indentation", () => {
    expect(renderSuggestion({ original, code, patch, canComment: inOneHunk })).toEqual({
      kind: "suggestion",
      block: "```suggestion\n    int f() {\n        return 2;\n    }\n```",
      startLine: 12,
      endLine: 14,
    });
  });

  it("falls back to a java block when the method is not all inside one hunk", () => {
    const r = renderSuggestion({
      original: { ...original, endLine: 22 },
      code,
      patch,
      canComment: inOneHunk,
    });
    expect(r.kind).toBe("code");
    expect(r.block.startsWith("```java\n    int f() {")).toBe(true);
  });

  it("falls back to a java block when the file has no patch", () => {
    expect(renderSuggestion({ original, code, patch: undefined, canComment: inOneHunk }).kind).toBe("code");
  });

  it("makes the fence longer than any backtick run in the code", () => {
    const withTicks = 'String f() {\n    return "````" + "`";\n}';
    const r = renderSuggestion({ original, code: withTicks, patch, canComment: inOneHunk });
    expect(r.block.split("\n")[0]).toBe("`````suggestion");
    expect(r.block.split("\n").at(-1)).toBe("`````");
  });

  it("indents with tabs where the original does, and keeps blank lines empty", () => {
    const tabbed = { ...original, indent: "\t", text: "int f() {\n\t\treturn 1;\n\t}" };
    const r = renderSuggestion({
      original: tabbed,
      code: "int f() {\n    int x = 2;\n\n    if (x > 1) {\n        x++;\n    }\n    return x;\n}",
      patch,
      canComment: inOneHunk,
    });
    expect(r.block).toBe(
      "```suggestion\n\tint f() {\n\t\tint x = 2;\n\n\t\tif (x > 1) {\n\t\t\tx++;\n\t\t}\n\t\treturn x;\n\t}\n```",
    );
  });
});
