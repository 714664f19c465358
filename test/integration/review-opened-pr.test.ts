import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseMarker } from "../../src/github/render-marker.js";
import { mockGitHub } from "./support/fake-github.js";
import { CALC_PATH, makePatch, readJava } from "./support/java-fixtures.js";
import { createHarness, type Harness } from "./support/review-harness.js";
import { BASE_SHA, pullRequestPayload } from "./support/webhook-payloads.js";

const HEAD = "c".repeat(40);
const base = readJava("base");
const head = readJava("head");
const calc = { path: CALC_PATH, contents: { [BASE_SHA]: base, [HEAD]: head }, patch: makePatch(base, head) };

let h: Harness;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  nock.cleanAll();
  await h.close();
});

describe("pull_request.opened", () => {
  it("creates the check run, posts one review on the flagged method's lines, completes the run with the table", async () => {
    const gh = mockGitHub()
      .token()
      .createCheckRun()
      .updateCheckRun(555, 2)
      .config(null)
      .files([calc, { path: "README.md", contents: {}, patch: "@@ -1 +1 @@\n-a\n+b" }])
      .mergeBase(HEAD)
      .contents(calc)
      .head(HEAD, 2)
      .existingComments([])
      .createReview();

    await h.probot.receive({
      id: "delivery-1",
      name: "pull_request",
      payload: pullRequestPayload("opened", HEAD) as never,
    });
    // The handler only enqueued: nothing was asked of GitHub yet.
    expect(gh.captured.checkRunCreates).toEqual([]);
    await h.drain();

    expect(h.results).toEqual(["reviewed"]);
    expect(gh.captured.checkRunCreates).toEqual([{ name: "java-judge", head_sha: HEAD, status: "queued" }]);
    expect(gh.captured.reviews).toHaveLength(1);
    const review = gh.captured.reviews[0];
    expect(review).toMatchObject({ commit_id: HEAD, event: "COMMENT" });
    expect(review.comments).toHaveLength(1);
    const [comment] = review.comments;
    // multiply() spans head lines 22-25, all added in one hunk.
    expect(comment).toMatchObject({
      path: CALC_PATH,
      start_line: 22,
      line: 25,
      side: "RIGHT",
      start_side: "RIGHT",
    });
    expect(parseMarker(comment.body)).toEqual({
      methodKey: `${CALC_PATH}:Calc#multiply(int,int)`,
      bodyHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(comment.body).toContain("`Calc.multiply`");
    // Where it doubts (explain.mode: flagged by default): the BUG line, by occlusion, linked at the head sha.
    const fileUrl = `https://github.com/acme/shop/blob/${HEAD}/${CALC_PATH}`;
    expect(comment.body).toMatch(
      new RegExp(
        `\\*\\*Where it doubts:\\*\\* the line whose removal raises the score most:\n\n- \\[line 24\\]\\(${fileUrl}#L24\\): \`return product \\+ 1; // BUG: off by one\`: score 0\\.9\\d without it \\(0\\.0\\d with it\\)`,
      ),
    );

    const completed = gh.captured.checkRunUpdates.at(-1);
    expect(completed).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      output: { title: "1 of 2 methods flagged" },
      actions: [
        { label: "Re-run", identifier: "rerun" },
        { label: "Suggest fixes", identifier: "suggest" },
      ],
    });
    const rows = completed.output.summary.split("\n").filter((l: string) => l.startsWith("| `"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /^\| `Calc\.multiply` \| `src\/main\/java\/com\/example\/Calc\.java:22` \| 0\.\d\d \| ⚠️ flagged · most doubted: \[line 24\]\(https:\/\/github\.com\/acme\/shop\/blob\/c{40}\/src\/main\/java\/com\/example\/Calc\.java#L24\) \(0\.9\d without it\) \|$/,
    );
    expect(completed.output.summary).toMatch(
      /\nLines behind the flagged scores: 1 method, \d+ prompt tokens \(\d+ evaluated\) · \d+\.\d s\.$/,
    );
    expect(rows[1]).toMatch(/`Calc\.max` .*:17` \| (0\.9\d|1\.00) \| ✅ passes \|$/);
    expect(completed.output.summary).toContain("Model: tiny-flag-bug");
    expect(gh.captured.checkRunUpdates[0]).toMatchObject({ status: "in_progress" });
    // Two methods are judged in one go: no "scored 0 / 2" write (GitHub paces writes ~1/s per installation).
    expect(gh.captured.checkRunUpdates.map((u) => u.status)).toEqual(["in_progress", "completed"]);

    const stored = await h.store.listComments("acme/shop", 7);
    expect(stored).toMatchObject([
      { methodKey: comment && parseMarker(comment.body)?.methodKey, commentId: 70001, state: "open" },
    ]);
    expect(gh.scope.isDone()).toBe(true);
  });
});
