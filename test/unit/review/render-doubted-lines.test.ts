import { describe, expect, it } from "vitest";
import type { MethodExplanation } from "../../../src/explain/types.js";
import { parseMarker } from "../../../src/github/render-marker.js";
import { renderCheckSummary } from "../../../src/review/render-check-summary.js";
import { renderCommentBody } from "../../../src/review/render-comment-body.js";
import { outcome } from "./outcome-builder.js";

const URL = "https://github.com/acme/shop/blob/abc/src/main/java/a/Calc.java";
const explained: MethodExplanation = {
  kind: "explained",
  score: 0.23,
  lines: [
    { line: 11, text: "return a - b; // `sub`", delta: 0.58 },
    { line: 12, text: "log(a);", delta: 0.15 },
    { line: 10, text: "int c = a;", delta: 0.02 },
  ],
  skippedLines: 2,
  untriedLines: 0,
};
const flagged = (explanation?: MethodExplanation) =>
  outcome({ score: 0.23, ...(explanation ? { explanation, fileUrl: URL } : {}) });
const body = (explanation?: MethodExplanation, minDelta = 0.1) =>
  renderCommentBody({ outcome: flagged(explanation), threshold: 0.5, suggestionsMode: "off", minDelta });

const summary = (o: ReturnType<typeof flagged>) =>
  renderCheckSummary({
    outcomes: [o],
    skippedFiles: [],
    threshold: 0.5,
    models: ["m"],
    promptTokens: 10,
    evaluatedTokens: 10,
    seconds: 1,
    inlineComments: 1,
    annotations: 0,
    refused: [],
    explain: { methods: 1, promptTokens: 300, evaluatedTokens: 120, seconds: 2.5, note: null, minDelta: 0.1 },
  });

describe("the comment names where the judge doubts", () => {
  it("the lines at or above min_delta, with their text and the score with and without them, linked", () => {
    const text = body(explained);
    expect(text).toContain("**Where it doubts:** the lines whose removal raises the score most:");
    expect(text).toContain(
      `- [line 11](${URL}#L11): \`\` return a - b; // \`sub\` \`\`: score 0.81 without it (0.23 with it)`,
    );
    expect(text).toContain(`- [line 12](${URL}#L12): \`log(a);\`: score 0.38 without it (0.23 with it)`);
    expect(text).not.toContain("line 10");
    expect(text).toContain(
      "<sub>Each line scored again without it (occlusion): 3 tried; 2 that cannot be the culprit (blank, comment, lone brace, signature) skipped.</sub>",
    );
    expect(body({ ...explained, untriedLines: 4 })).toContain("3 tried, 4 not tried (over explain.max_lines");
  });

  it("says the doubt is spread over the method when no line reaches min_delta", () => {
    expect(body(explained, 0.7)).toContain(
      "no single line stands out; the doubt is spread over the method (leaving out any one of the 3 lines tried changes the score by at most +0.58)",
    );
  });

  it("says why the lines are missing; says nothing when explain is off", () => {
    expect(body({ kind: "not-explained", reason: "the review ran out of time" })).toContain(
      "Where it doubts: not worked out (the review ran out of time)",
    );
    expect(body()).not.toContain("doubts:");
  });

  it("the hidden marker does not depend on the explanation", () => {
    const markers = [undefined, explained, { kind: "not-explained" as const, reason: "x" }].map((e) =>
      parseMarker(body(e)),
    );
    expect(markers[0]).toEqual({ methodKey: flagged().key, bodyHash: flagged().hash });
    expect(markers[1]).toEqual(markers[0]);
    expect(markers[2]).toEqual(markers[0]);
  });
});

describe("the check run's table links the top line", () => {
  it("with the score without it, and says what explaining cost", () => {
    const s = summary(flagged(explained));
    expect(s).toContain(`⚠️ flagged · most doubted: [line 11](${URL}#L11) (0.81 without it) |`);
    expect(s).toContain(
      "Lines behind the flagged scores: 1 method, 300 prompt tokens (120 evaluated) · 2.5 s.",
    );
  });

  it("spread, or nothing, where no line stands out", () => {
    const flat = { ...explained, lines: explained.lines.map((l) => ({ ...l, delta: 0.01 })) };
    expect(summary(flagged(flat))).toContain("⚠️ flagged · doubt spread over the method |");
    expect(summary(flagged())).toContain("| ⚠️ flagged |");
  });
});

describe("renderFileUrl", () => {
  it("github.com and a GitHub Enterprise Server's web pages, paths encoded", async () => {
    const { renderFileUrl } = await import("../../../src/github/render-file-url.js");
    const at = { owner: "acme", repo: "shop", sha: "abc", path: "src/a b/Calc#1.java" };
    expect(renderFileUrl({ apiBaseUrl: "https://api.github.com", ...at })).toBe(
      "https://github.com/acme/shop/blob/abc/src/a%20b/Calc%231.java",
    );
    expect(renderFileUrl({ apiBaseUrl: "http://127.0.0.1:3000/api/v3", ...at })).toBe(
      "http://127.0.0.1:3000/acme/shop/blob/abc/src/a%20b/Calc%231.java",
    );
  });
});

describe("a finding's annotation (no line comment)", () => {
  it("names the most doubted line too", async () => {
    const { renderAnnotation } = await import("../../../src/review/render-annotations.js");
    expect(renderAnnotation(flagged(explained), 0.5).message).toBe(
      "The judge doubts this method does what its Javadoc says (score 0.23, threshold 0.50). Most doubted: line 11 (return a - b; // `sub`), 0.81 without it.",
    );
    expect(renderAnnotation(flagged(explained), 0.5, 0.7).message).not.toContain("Most doubted");
  });
});
