import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderMarker } from "../../src/github/render-marker.js";
import { mockGitHub } from "./support/fake-github.js";
import { CALC_PATH, makePatch, readJava } from "./support/java-fixtures.js";
import { createHarness, type Harness } from "./support/review-harness.js";
import { BASE_SHA, pullRequestPayload } from "./support/webhook-payloads.js";

const HEAD1 = "1".repeat(40);
const HEAD2 = "2".repeat(40);
const base = readJava("base");
const key = `${CALC_PATH}:Calc#multiply(int,int)`;

function calcAt(head: string, text: string) {
  return { path: CALC_PATH, contents: { [BASE_SHA]: base, [head]: text }, patch: makePatch(base, text) };
}

/** A first push reviewed for real, so the store and "GitHub" hold its comment. */
async function reviewFirstPush(h: Harness) {
  const gh = mockGitHub()
    .token()
    .createCheckRun(1)
    .updateCheckRun(1, 3)
    .config(null)
    .files([calcAt(HEAD1, readJava("head"))])
    .mergeBase(HEAD1)
    .contents(calcAt(HEAD1, readJava("head")))
    .head(HEAD1)
    .existingComments([])
    .createReview(100, 500);
  await h.probot.receive({
    id: "push-1",
    name: "pull_request",
    payload: pullRequestPayload("opened", HEAD1) as never,
  });
  await h.drain();
  expect(gh.scope.isDone()).toBe(true);
  const posted = gh.captured.reviews[0].comments[0];
  nock.cleanAll();
  return {
    id: 500,
    node_id: "PRRC_500",
    body: posted.body as string,
    path: CALC_PATH,
    line: posted.line,
    user: { type: "Bot" },
  };
}

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

describe("across pushes", () => {
  it("a re-push that leaves the flagged method as it was posts no new comment", async () => {
    const old = await reviewFirstPush(h);
    expect(old.body.startsWith(renderMarker(key, old.body.match(/hash=(\w+)/)?.[1] ?? ""))).toBe(true);
    // Same flagged method, an unrelated line added elsewhere.
    const text = readJava("head").replace("public class Calc {", "public class Calc {\n    // tidy");
    const gh = mockGitHub()
      .createCheckRun(2)
      .updateCheckRun(2, 3)
      .config(null)
      .files([calcAt(HEAD2, text)])
      .mergeBase(HEAD2)
      .contents(calcAt(HEAD2, text))
      .head(HEAD2)
      .existingComments([old]);
    await h.probot.receive({
      id: "push-2",
      name: "pull_request",
      payload: pullRequestPayload("synchronize", HEAD2) as never,
    });
    await h.drain();
    expect(h.results).toEqual(["reviewed", "reviewed"]);
    expect(gh.captured.reviews).toEqual([]);
    const done = gh.captured.checkRunUpdates.at(-1);
    expect(done).toMatchObject({ conclusion: "neutral", output: { title: "1 of 2 methods flagged" } });
    // Still reported on this run's check run, as an annotation.
    expect(done.output.annotations).toMatchObject([{ path: CALC_PATH, annotation_level: "warning" }]);
    expect(gh.scope.isDone()).toBe(true);
  });

  it("a fixed method gets its thread resolved, and the run passes", async () => {
    const old = await reviewFirstPush(h);
    const fixed = readJava("fixed");
    const gh = mockGitHub()
      .createCheckRun(3)
      .updateCheckRun(3, 3)
      .config(null)
      .files([calcAt(HEAD2, fixed)])
      .mergeBase(HEAD2)
      .contents(calcAt(HEAD2, fixed))
      .head(HEAD2)
      .existingComments([old])
      .graphql(() => ({
        data: {
          repository: {
            pullRequest: {
              reviewThreads: {
                pageInfo: { hasNextPage: false, endCursor: null },
                nodes: [{ id: "PRRT_1", isResolved: false, comments: { nodes: [{ databaseId: 500 }] } }],
              },
            },
          },
        },
      }))
      .graphql(() => ({ data: { resolveReviewThread: { thread: { id: "PRRT_1", isResolved: true } } } }));
    await h.probot.receive({
      id: "push-3",
      name: "pull_request",
      payload: pullRequestPayload("synchronize", HEAD2) as never,
    });
    await h.drain();
    expect(gh.captured.reviews).toEqual([]);
    expect(gh.captured.graphql[1]).toMatchObject({ variables: { id: "PRRT_1" } });
    expect(gh.captured.graphql[1].query).toContain("resolveReviewThread");
    expect(gh.captured.checkRunUpdates.at(-1)).toMatchObject({
      conclusion: "success",
      output: { title: "2 methods judged, none flagged" },
    });
    expect(await h.store.listComments("acme/shop", 7)).toMatchObject([{ commentId: 500, state: "resolved" }]);
    expect(gh.scope.isDone()).toBe(true);
  });
});

describe("a push while the previous one waits in the queue", () => {
  it("supersedes the waiting job: only the newest head is reviewed, with one check run", async () => {
    const text = readJava("head");
    const gh = mockGitHub()
      .token()
      .createCheckRun(3)
      .updateCheckRun(3, 3)
      .config(null)
      .files([calcAt(HEAD2, text)])
      .mergeBase(HEAD2)
      .contents(calcAt(HEAD2, text))
      .head(HEAD2)
      .existingComments([])
      .createReview(300, 900);
    // Both pushes arrive before any worker runs: the first job is superseded while still queued.
    await h.probot.receive({
      id: "q-1",
      name: "pull_request",
      payload: pullRequestPayload("opened", HEAD1) as never,
    });
    await h.probot.receive({
      id: "q-2",
      name: "pull_request",
      payload: pullRequestPayload("synchronize", HEAD2) as never,
    });
    const counts = await h.drain();
    // done: the review of HEAD2 and the feedback poll its push makes.
    expect(counts).toMatchObject({ done: 2, superseded: 1, failed: 0, dead: 0 });
    expect(h.results).toEqual(["reviewed"]);
    expect(gh.captured.checkRunCreates.map((c: { head_sha: string }) => c.head_sha)).toEqual([HEAD2]);
    expect(gh.captured.reviews).toHaveLength(1);
    expect(gh.captured.reviews[0].commit_id).toBe(HEAD2);
    expect(gh.scope.isDone()).toBe(true);
  });
});
