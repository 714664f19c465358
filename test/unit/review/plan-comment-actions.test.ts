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
});
