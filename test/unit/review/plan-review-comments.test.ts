import { describe, expect, it } from "vitest";
import { repoConfigSchema } from "../../../src/config/repo-config-schema.js";
import { parsePatch } from "../../../src/diff/parse-patch.js";
import { planReviewComments } from "../../../src/review/plan-review-comments.js";
import { outcome } from "./outcome-builder.js";

const PATH = "src/main/java/a/Calc.java";
// One hunk of head lines 1-12: the first two findings are in it, the third is not.
const PATCH = `@@ -1,2 +1,12 @@\n${Array.from({ length: 12 }, (_, i) => `+line ${i + 1}`).join("\n")}`;

describe("planReviewComments", () => {
  it("gives every finding a comment or an annotation, even where methods share a key", () => {
    // Three anonymous-class methods with the key an older version gave all of them.
    const key = `${PATH}:a.Calc.<anonymous>#getLeft()`;
    const findings = [
      outcome({ key, hash: "h1", startLine: 2, endLine: 3, score: 0.1 }),
      outcome({ key, hash: "h2", startLine: 6, endLine: 7, score: 0.2 }),
      outcome({ key, hash: "h3", startLine: 20, endLine: 21, score: 0.3 }),
      outcome({ key: `${PATH}:a.Calc#other()`, hash: "h4", startLine: 30, endLine: 31, score: 0.3 }),
    ];
    const plan = planReviewComments({
      toPost: findings.slice(0, 2),
      findings,
      patches: new Map([[PATH, parsePatch(PATCH)]]),
      config: repoConfigSchema.parse({}),
    });
    expect(plan.inline.map((c) => c.outcome.hash)).toEqual(["h1", "h2"]);
    expect(plan.annotations.map((a) => a.start_line)).toEqual([20, 30]);
  });
});
