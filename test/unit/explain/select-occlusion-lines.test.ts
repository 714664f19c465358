import { describe, expect, it } from "vitest";
import { pickDoubtedLines } from "../../../src/explain/pick-doubted-lines.js";
import { selectOcclusionLines } from "../../../src/explain/select-occlusion-lines.js";

const METHOD = [
  "@Override",
  "public int sum(int[] xs,",
  "               int from) throws IOException {",
  "    int total = 0;",
  "",
  "    // walk the array",
  "    /* a block",
  "       comment */",
  "    for (int i = from; i < xs.length; i++) {",
  "        total += xs[i];",
  "    }",
  "    list.forEach(x -> {",
  "    });",
  "    return total;",
  "}",
].join("\n");
const SIGNATURE = "@Override public int sum(int[] xs, int from) throws IOException";

describe("selectOcclusionLines", () => {
  it("tries the body's statements, never the signature, blanks, comments or lone braces", () => {
    const s = selectOcclusionLines({ code: METHOD, signature: SIGNATURE, maxLines: 100 });
    expect(s.lines.map((l) => [l.index, l.text])).toEqual([
      [3, "int total = 0;"],
      [8, "for (int i = from; i < xs.length; i++) {"],
      [9, "total += xs[i];"],
      [11, "list.forEach(x -> {"],
      [13, "return total;"],
    ]);
    // 3 signature lines, 1 blank, 3 comment lines, "}", "});", "}".
    expect(s.skipped).toBe(10);
    expect(s.omitted).toBe(0);
  });

  it("keeps the first max_lines and counts the rest", () => {
    const s = selectOcclusionLines({ code: METHOD, signature: SIGNATURE, maxLines: 2 });
    expect(s.lines.map((l) => l.index)).toEqual([3, 8]);
    expect(s.omitted).toBe(3);
  });

  it("a one-line method has nothing to try; a signature it cannot match ends at the first brace", () => {
    expect(
      selectOcclusionLines({ code: "int f() { return 1; }", signature: "int f()", maxLines: 5 }).lines,
    ).toEqual([]);
    const s = selectOcclusionLines({
      code: "int f(/* odd */ int a) {\n  return a;\n}",
      signature: "int f(int a)",
      maxLines: 5,
    });
    expect(s.lines).toEqual([{ index: 1, text: "return a;" }]);
  });
});

describe("pickDoubtedLines", () => {
  const explained = {
    kind: "explained" as const,
    score: 0.2,
    lines: [
      { line: 12, text: "b", delta: 0.5 },
      { line: 11, text: "a", delta: 0.12 },
      { line: 13, text: "c", delta: 0.05 },
    ],
    skippedLines: 2,
    untriedLines: 0,
  };
  it("names the lines at or above min_delta, most doubted first", () => {
    expect(pickDoubtedLines(explained, 0.1).map((l) => l.line)).toEqual([12, 11]);
    expect(pickDoubtedLines(explained, 0.6)).toEqual([]);
    expect(pickDoubtedLines({ kind: "not-explained", reason: "x" }, 0)).toEqual([]);
    expect(pickDoubtedLines(undefined, 0)).toEqual([]);
  });
});

describe("the command line's text under a flagged method", () => {
  it("names the lines at or above min_delta, else says the doubt is spread", async () => {
    const { renderExplainedText } = await import("../../../src/cli/explain-scored-methods.js");
    const row = {
      lines: [
        { line: 7, text: "total += x; // BUG", delta: 0.9834 },
        { line: 4, text: "int total = 0;", delta: 0.01 },
      ],
      skippedLines: 3,
      untriedLines: 0,
    };
    expect(renderExplainedText(row, 0.1)).toBe("\tline 7\t+0.983\ttotal += x; // BUG\n");
    expect(renderExplainedText(row, 0.99)).toBe(
      "\tno single line stands out: the doubt is spread over the method\n",
    );
    expect(renderExplainedText({ ...row, lines: [] }, 0.1)).toBe("");
  });
});
