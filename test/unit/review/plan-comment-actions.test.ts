import { describe, expect, it } from "vitest";
import { planCommentActions } from "../../../src/review/plan-comment-actions.js";
import type { ExistingComment } from "../../../src/review/types.js";
import { outcome } from "./outcome-builder.js";

const key = outcome().key;
function existing(over: Partial<ExistingComment> = {}): ExistingComment {
  return {
    methodKey: key,
    bodyHash: "aaaa",
    commentId: 1,
    commentNodeId: "C1",
    path: "src/main/java/a/Calc.java",
    line: 10,
    state: "open",
    humanReplied: false,
    ...over,
  };
}

describe("planCommentActions", () => {
  it("posts a first comment for a new finding", () => {
    const a = planCommentActions([outcome({ score: 0.1 })], []);
    expect(a.post.map((o) => o.key)).toEqual([key]);
    expect(a.resolve).toEqual([]);
  });

  it("does not repeat a comment for an unchanged flagged method, even once resolved by a person", () => {
    for (const state of ["open", "resolved"] as const) {
      const a = planCommentActions([outcome({ score: 0.1 })], [existing({ state })]);
      expect(a.post).toEqual([]);
      expect(a.unchanged).toHaveLength(1);
    }
  });

  it("resolves the thread of a method that now passes", () => {
    const a = planCommentActions([outcome({ score: 0.9, hash: "bbbb" })], [existing()]);
    expect(a.resolve.map((c) => c.commentId)).toEqual([1]);
    expect(a.post).toEqual([]);
  });

  it("posts one new comment and minimizes the old one when a flagged method changed", () => {
    const a = planCommentActions([outcome({ score: 0.2, hash: "bbbb" })], [existing()]);
    expect(a.post).toHaveLength(1);
    expect(a.minimize.map((c) => c.commentId)).toEqual([1]);
  });

  it("leaves a thread a person replied to alone", () => {
    const replied = existing({ humanReplied: true });
    expect(planCommentActions([outcome({ score: 0.9, hash: "bbbb" })], [replied]).resolve).toEqual([]);
    const changed = planCommentActions([outcome({ score: 0.2, hash: "bbbb" })], [replied]);
    expect(changed.minimize).toEqual([]);
    expect(changed.post).toHaveLength(1);
  });

  it("changes nothing for a skipped method", () => {
    const a = planCommentActions([outcome({ skipped: "too long" })], [existing()]);
    expect(a).toEqual({ post: [], resolve: [], minimize: [], unchanged: [] });
  });

  describe("markers written before keys were unique (`<anonymous>`)", () => {
    const path = "src/main/java/a/Calc.java";
    const legacy = `${path}:a.Calc.<anonymous>#getLeft()`;
    const first = outcome({ key: `${path}:a.Calc.<anonymous@build()#1>#getLeft()`, hash: "h1", score: 0.1 });
    const second = outcome({ key: `${path}:a.Calc.<anonymous@build()#2>#getLeft()`, hash: "h2", score: 0.1 });

    it("match the one method that maps to the old key, as before", () => {
      const alone = outcome({ key: first.key, hash: "h1", score: 0.1 });
      expect(planCommentActions([alone], [existing({ methodKey: legacy, bodyHash: "h1" })]).post).toEqual([]);
      const changed = planCommentActions([alone], [existing({ methodKey: legacy, bodyHash: "h0" })]);
      expect(changed.post).toEqual([alone]);
      expect(changed.minimize.map((c) => c.commentId)).toEqual([1]);
    });

    it("match by the marker's hash where several methods map to the old key", () => {
      const a = planCommentActions([first, second], [existing({ methodKey: legacy, bodyHash: "h2" })]);
      expect(a.unchanged).toEqual([second]);
      expect(a.post).toEqual([first]);
      expect(a.minimize).toEqual([]);
    });

    it("touch no thread when the old key stays ambiguous", () => {
      const passing = [first, second].map((o) => outcome({ key: o.key, hash: o.hash, score: 0.9 }));
      const a = planCommentActions(passing, [existing({ methodKey: legacy, bodyHash: "h0" })]);
      expect(a).toEqual({ post: [], resolve: [], minimize: [], unchanged: [] });
    });

    it("while a marker with today's key matches only its own method", () => {
      const a = planCommentActions([first, second], [existing({ methodKey: second.key, bodyHash: "h2" })]);
      expect(a.unchanged).toEqual([second]);
      expect(a.post).toEqual([first]);
    });
  });
});
