// Where the judge doubts, in a real review (probot.receive, nock for GitHub, the tiny BUG-flagging model): a review
// that runs out of time while explaining still posts its findings, without the lines, and says so; `explain.mode:
// off` posts none; a re-push of the same flagged method posts nothing new whatever its explanation.
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ONE_GO_METHODS } from "../../src/review/run-review-job.js";
import { mockGitHub } from "./support/fake-github.js";
import { makePatch } from "./support/java-fixtures.js";
import { createHarness, type Harness } from "./support/review-harness.js";
import { BASE_SHA, pullRequestPayload } from "./support/webhook-payloads.js";

const HEAD = "e".repeat(40);
const PATH = "src/main/java/com/example/Long.java";
const base = "package com.example;\n\npublic class Long {\n}\n";

/**
 * `methods` methods of `statements` statements, BUG on the last: `statements - 1` variants of hundreds of tokens each
 * before the culprit (80 is about what fits the harness's 1,024-token context). 30 of them (the inline limit) are
 * ~18k tokens to score and ~720k to explain: with a 4 s budget (explaining stops 1 s before it) scoring may run 10x
 * slower than on this CPU and explaining 3x faster, and the review still runs out of time while explaining
 * (12 of 60 statements were sometimes all explained in time; 24 of 80 once scored too slowly on a loaded machine).
 */
function fileWith(methods: number, sha = HEAD, shifted = false, statements = 60) {
  const head = [
    "package com.example;",
    ...(shifted ? ["// moved down one line"] : []),
    "",
    "public class Long {",
    ...Array.from({ length: methods }, (_, m) => [
      `    /** Counts to ${statements}. */`,
      `    public int count${m}() {`,
      "        int t = 0;",
      ...Array.from({ length: statements - 2 }, () => "        t++;"),
      "        return t; // BUG",
      "    }",
    ]).flat(),
    "}",
    "",
  ].join("\n");
  return { path: PATH, contents: { [BASE_SHA]: base, [sha]: head }, patch: makePatch(base, head) };
}

let h: Harness;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(async () => {
  nock.cleanAll();
  await h?.close();
});

async function review(yaml: string, methods = 1, statements = 60) {
  const file = fileWith(methods, HEAD, false, statements);
  const gh = mockGitHub()
    .token()
    .createCheckRun()
    // "Reading…", then "scored 0 / N" only past a few methods (ONE_GO_METHODS), then the result.
    .updateCheckRun(555, methods > ONE_GO_METHODS ? 3 : 2)
    .config(yaml)
    .files([file])
    .mergeBase(HEAD)
    .contents(file)
    .head(HEAD, 2)
    .existingComments([])
    .createReview();
  await h.probot.receive({
    id: "x1",
    name: "pull_request",
    payload: pullRequestPayload("opened", HEAD) as never,
  });
  const counts = await h.drain();
  return { gh, counts };
}

describe("explain in a review", () => {
  it("out of time while explaining: the findings are posted without the lines, and the check run says so", async () => {
    h = await createHarness();
    const started = performance.now();
    const { gh, counts } = await review(
      "limits:\n  review_timeout_s: 4\nexplain:\n  max_lines: 200\n  max_methods: 30\n",
      30,
      80,
    );
    const seconds = (performance.now() - started) / 1000;
    expect(counts).toMatchObject({ failed: 0, dead: 0, done: 1 });
    expect(h.results).toEqual(["reviewed"]);
    // All 30 flagged methods are posted; those the time did not reach say so (one at a time: the first ones
    // explained before the budget ran out keep their lines).
    const bodies: string[] = gh.captured.reviews[0].comments.map((c: { body: string }) => c.body);
    expect(bodies).toHaveLength(30);
    const late = bodies.filter((b) =>
      b.includes(
        "<sub>Where it doubts: not worked out (the review ran out of time before the lines behind this score were worked out).</sub>",
      ),
    );
    const explained = bodies.filter((b) => b.includes("**Where it doubts:** the line whose removal"));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length + explained.length).toBe(30);
    const completed = gh.captured.checkRunUpdates.at(-1);
    expect(completed).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(completed.output.summary).toContain("| ⚠️ flagged |");
    expect(completed.output.summary).toMatch(
      explained.length > 0
        ? /Lines behind the flagged scores: \d+ methods?, .* s; the others not worked out \(the review ran out of time before the lines behind this score were worked out\)\./
        : /Lines behind the flagged scores: not worked out \(the review ran out of time before the lines behind this score were worked out\); the findings are posted without them\./,
    );
    process.stderr.write(
      `review-explain: out of time after ${explained.length} of 30 methods, posted after ${seconds.toFixed(2)} s of a 4 s budget\n`,
    );
    expect(gh.scope.isDone()).toBe(true);
  }, 60_000);

  it("explain.mode: off names no line", async () => {
    h = await createHarness();
    const { gh } = await review("explain:\n  mode: off\n");
    const body: string = gh.captured.reviews[0].comments[0].body;
    expect(body).not.toContain("Where it doubts");
    expect(gh.captured.checkRunUpdates.at(-1).output.summary).not.toContain("Lines behind");
    expect(gh.scope.isDone()).toBe(true);
  }, 60_000);

  it("with time enough, the BUG line is named in the comment and linked in the table", async () => {
    h = await createHarness();
    const { gh } = await review("explain:\n  max_lines: 200\n");
    const body: string = gh.captured.reviews[0].comments[0].body;
    expect(body).toContain(
      `- [line 65](https://github.com/acme/shop/blob/${HEAD}/${PATH}#L65): \`return t; // BUG\`: score `,
    );
    expect(gh.captured.checkRunUpdates.at(-1).output.summary).toContain(`#L65) (`);
    expect(gh.scope.isDone()).toBe(true);
  }, 120_000);

  it("a re-push that moves the flagged method (so its explanation names another line) posts no new comment", async () => {
    h = await createHarness();
    const { gh } = await review("explain:\n  max_lines: 200\n");
    const posted = gh.captured.reviews[0].comments[0];
    nock.cleanAll();
    const HEAD2 = "f".repeat(40);
    const moved = fileWith(1, HEAD2, true);
    const gh2 = mockGitHub()
      .createCheckRun(2)
      .updateCheckRun(2, 2)
      .config("explain:\n  max_lines: 200\n")
      .files([moved])
      .mergeBase(HEAD2)
      .contents(moved)
      .head(HEAD2)
      .existingComments([
        {
          id: 70001,
          node_id: "PRRC_70001",
          body: posted.body,
          path: PATH,
          line: posted.line,
          user: { type: "Bot" },
        },
      ]);
    await h.probot.receive({
      id: "x2",
      name: "pull_request",
      payload: pullRequestPayload("synchronize", HEAD2) as never,
    });
    await h.drain();
    expect(h.results).toEqual(["reviewed", "reviewed"]);
    expect(gh2.captured.reviews).toEqual([]);
    // This run's table names the line where it now stands; the variants' scores came from the score cache.
    const summary: string = gh2.captured.checkRunUpdates.at(-1).output.summary;
    expect(summary).toContain(`/blob/${HEAD2}/${PATH}#L66) (`);
    expect(summary).toContain("Lines behind the flagged scores: 1 method, 0 prompt tokens (0 evaluated)");
    expect(gh2.scope.isDone()).toBe(true);
  }, 120_000);
});
