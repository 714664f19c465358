import { describe, expect, it } from "vitest";
import { chunkAnnotations } from "../../../src/github/chunk-annotations.js";
import { parseMarker, renderMarker } from "../../../src/github/render-marker.js";
import { decideConclusion } from "../../../src/review/decide-conclusion.js";
import { renderAnnotation } from "../../../src/review/render-annotations.js";
import { renderCheckSummary, renderCheckTitle } from "../../../src/review/render-check-summary.js";
import { renderCommentBody } from "../../../src/review/render-comment-body.js";
import { findReviewReaction, REVIEW_REACTIONS } from "../../../src/store/review-reactions.js";
import { outcome } from "./outcome-builder.js";

describe("markers", () => {
  it("round-trips a key holding spaces and -->", () => {
    const key = "src/we ird-->/A.java:A#f(Map<String,Integer>)";
    const marker = renderMarker(key, "0123abcd");
    expect(marker).toMatch(/^<!-- java-judge:method=\S+ hash=0123abcd -->$/);
    expect(parseMarker(`${marker}\nbody`)).toEqual({ methodKey: key, bodyHash: "0123abcd" });
    expect(parseMarker("a human comment")).toBeNull();
  });

  it.each([
    "src/a b/A.java:A#f()",
    "src/x-->y/A.java:A#f()",
    "src/-->/A.java:A.<anonymous>#run()",
    "src/a\tb\nc/100%.java:A#g(int[],String...)",
    "src/ünï cødé/Ä.java:Ä#ß(java.util.List<? extends T>)",
    "src/hash=ff -->/A.java:A#f()",
  ])("the key %j cannot end the comment early and round-trips", (key) => {
    const marker = renderMarker(key, "ab12");
    // Exactly one "-->" (the closing one) and no whitespace inside the key: the comment stays hidden.
    expect(marker.indexOf("-->")).toBe(marker.length - 3);
    expect(marker).toMatch(/^<!-- java-judge:method=\S+ hash=ab12 -->$/);
    expect(parseMarker(`${marker}\n**java-judge** doubts it`)).toEqual({ methodKey: key, bodyHash: "ab12" });
  });

  it("a marker whose key is not valid URI encoding is not ours", () => {
    expect(parseMarker("<!-- java-judge:method=src%E0%A4%A/A.java hash=ab12 -->")).toBeNull();
  });
});

describe("renderCommentBody", () => {
  it("starts with the marker and gives the score and the reason", () => {
    const body = renderCommentBody({
      outcome: outcome({ score: 0.123 }),
      threshold: 0.5,
      suggestionsMode: "off",
    });
    expect(body.split("\n")[0]).toBe(renderMarker(outcome().key, "aaaa"));
    expect(body).toContain("`Calc.add`");
    expect(body).toContain("score **0.12** (threshold 0.50)");
    expect(body).toContain("12% chance");
    expect(body).not.toContain("/judge regenerate");
  });

  it("says when the judge had no description, and offers regeneration when enabled", () => {
    const body = renderCommentBody({
      outcome: outcome({ score: 0.2, hasJavadoc: false }),
      threshold: 0.5,
      suggestionsMode: "on-request",
    });
    expect(body).toContain("no Javadoc");
    expect(body).toContain("/judge regenerate");
  });

  it("says what each reaction means by naming the method, as the poller records it", () => {
    const body = renderCommentBody({
      outcome: outcome({ score: 0.1 }),
      threshold: 0.5,
      suggestionsMode: "off",
    });
    const hint = body.split("\n").at(-1) ?? "";
    expect(hint).toBe(
      "<sub>A small model's estimate, not a proof. React 👍 if `Calc.add` really is wrong (this comment is right), " +
        "👎 if `Calc.add` is correct (this comment is wrong).</sub>",
    );
    // What a reader concludes from each choice in the text is the label the poller stores for that emoji
    // (poll-reaction-feedback.ts: 1 = the method is correct, 0 = it is incorrect), and 👍 is GitHub's "+1".
    const choices = [...hint.matchAll(/(👍|👎) if `Calc\.add` (really is wrong|is correct)/gu)];
    expect(choices).toHaveLength(2);
    for (const [, emoji, verdict] of choices) {
      const reaction = REVIEW_REACTIONS.find((r) => r.emoji === emoji);
      expect(reaction?.label).toBe(verdict === "is correct" ? 1 : 0);
    }
    expect([findReviewReaction("+1")?.emoji, findReviewReaction("+1")?.label]).toEqual(["👍", 0]);
    expect([findReviewReaction("-1")?.emoji, findReviewReaction("-1")?.label]).toEqual(["👎", 1]);
    expect(findReviewReaction("heart")).toBeUndefined();
  });
});

describe("check summary", () => {
  const outcomes = [
    outcome({ score: 0.9, name: "ok", startLine: 3 }),
    outcome({ score: 0.1, name: "bad", startLine: 20 }),
    outcome({ skipped: "parse error in the method", name: "broken" }),
  ];

  it("titles flagged, judged and skipped counts", () => {
    expect(renderCheckTitle(outcomes)).toBe("1 of 2 methods flagged, 1 skipped");
    expect(renderCheckTitle([outcome()])).toBe("1 method judged, none flagged");
  });

  it("lists every changed method with location, score and verdict, then the cost", () => {
    const summary = renderCheckSummary({
      outcomes,
      skippedFiles: [{ path: "lib/Big.java", reason: "larger than 1 MB" }],
      threshold: 0.5,
      models: ["tiny-judge"],
      promptTokens: 1200,
      evaluatedTokens: 800,
      seconds: 2.25,
      inlineComments: 1,
      annotations: 0,
      refused: [],
    });
    const rows = summary.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toEqual([
      "| `Calc.bad` | `src/main/java/a/Calc.java:20` | 0.10 | ⚠️ flagged |",
      "| `Calc.ok` | `src/main/java/a/Calc.java:3` | 0.90 | ✅ passes |",
      "| `Calc.broken` | `src/main/java/a/Calc.java:10` | — | skipped: parse error in the method |",
    ]);
    expect(summary).toContain("`lib/Big.java`: larger than 1 MB");
    expect(summary).toContain("Model: tiny-judge · 1200 prompt tokens (800 evaluated) · 2.3 s.");
  });
});

describe("annotations", () => {
  it("spans the method and chunks 50 per request", () => {
    const a = renderAnnotation(outcome({ score: 0.3 }), 0.5);
    expect(a).toMatchObject({ start_line: 10, end_line: 12, annotation_level: "warning" });
    const chunks = chunkAnnotations(Array.from({ length: 120 }, (_, i) => i));
    expect(chunks.map((c) => c.length)).toEqual([50, 50, 20]);
  });
});

describe("decideConclusion", () => {
  it("is neutral (or failure by config) when flagged, success only for a complete clean review", () => {
    const flagged = [outcome({ score: 0.1 })];
    expect(decideConclusion({ outcomes: flagged, whenFlagged: "neutral", partial: false })).toBe("neutral");
    expect(decideConclusion({ outcomes: flagged, whenFlagged: "failure", partial: false })).toBe("failure");
    expect(decideConclusion({ outcomes: [outcome()], whenFlagged: "failure", partial: false })).toBe(
      "success",
    );
    expect(decideConclusion({ outcomes: [outcome()], whenFlagged: "failure", partial: true })).toBe(
      "neutral",
    );
    const skipped = [outcome(), outcome({ skipped: "too long" })];
    expect(decideConclusion({ outcomes: skipped, whenFlagged: "neutral", partial: false })).toBe("neutral");
  });
});
