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
    .updateCheckRun(1, 2)
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
      .updateCheckRun(2, 2)
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
      .updateCheckRun(3, 2)
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

// Anonymous Diff subclasses, as in commons-lang's DiffBuilder: every one overrides the same two methods.
const DIFFS_PATH = "src/main/java/com/example/Diffs.java";
const anonymousDiff = (field: string, left: string) => `        diffs.add(new Diff<Boolean>("${field}") {
            @Override
            public Boolean getLeft() {
                return ${left};
            }

            @Override
            public Boolean getRight() {
                return !${left};
            }
        });
`;
const diffsFile = (...diffs: string[]) => `package com.example;

import java.util.ArrayList;
import java.util.List;

public class Diffs {
    public List<Diff<Boolean>> build(boolean lhs, boolean rhs) {
        List<Diff<Boolean>> diffs = new ArrayList<>();
${diffs.join("")}        return diffs;
    }
}
`;
const DIFFS_BASE = diffsFile(
  anonymousDiff("a", "lhs"),
  anonymousDiff("b", "rhs /* BUG */"),
  anonymousDiff("c", "lhs && rhs"),
  anonymousDiff("d", "lhs || rhs /* BUG */"),
);
// One added near the top (flagged), the others reordered: only it and build() changed.
const DIFFS_HEAD = diffsFile(
  anonymousDiff("z", "lhs ^ rhs /* BUG */"),
  anonymousDiff("a", "lhs"),
  anonymousDiff("d", "lhs || rhs /* BUG */"),
  anonymousDiff("c", "lhs && rhs"),
  anonymousDiff("b", "rhs /* BUG */"),
);

function diffsAt(head: string, text: string) {
  return {
    path: DIFFS_PATH,
    contents: { [BASE_SHA]: DIFFS_BASE, [head]: text },
    patch: makePatch(DIFFS_BASE, text),
  };
}

describe("anonymous classes reordered between base and head", () => {
  async function review(head: string, text: string, existing: unknown[], delivery: string) {
    const gh = mockGitHub()
      .createCheckRun(delivery === "anon-1" ? 11 : 12)
      .updateCheckRun(delivery === "anon-1" ? 11 : 12, 2)
      .config(null)
      .files([diffsAt(head, text)])
      .mergeBase(head)
      .contents(diffsAt(head, text))
      .head(head)
      .existingComments(existing);
    if (delivery === "anon-1") gh.token().createReview(200, 600);
    await h.probot.receive({
      id: delivery,
      name: "pull_request",
      payload: pullRequestPayload(delivery === "anon-1" ? "opened" : "synchronize", head) as never,
    });
    await h.drain();
    expect(gh.scope.isDone()).toBe(true);
    return gh;
  }

  it("lists only the changed methods, comments or annotates every finding, and a re-push (or an upgrade) adds no comment", async () => {
    const first = await review(HEAD1, DIFFS_HEAD, [], "anon-1");
    const done = first.captured.checkRunUpdates.at(-1);
    // The new class's getLeft and getRight (build() is too long for the tiny model); the moved ones are no change.
    expect(done.output.title).toBe("2 of 2 methods flagged, 1 skipped");
    const comments = first.captured.reviews[0].comments as { body: string; line: number }[];
    const annotations = done.output.annotations ?? [];
    expect(comments.length + annotations.length).toBe(2);
    expect(comments.map((c) => c.body.match(/method=(\S+) /)?.[1])).toContain(
      encodeURIComponent(`${DIFFS_PATH}:Diffs.<anonymous@build(boolean,boolean)#1>#getLeft()`),
    );
    const onPr = comments.map((c, i) => ({
      id: 600 + i,
      node_id: `PRRC_${600 + i}`,
      body: c.body,
      path: DIFFS_PATH,
      line: c.line,
      user: { type: "Bot" },
    }));
    nock.cleanAll();

    // The same head again, an unrelated line added: nothing new is posted, every finding is annotated.
    const again = DIFFS_HEAD.replace("public class Diffs {", "public class Diffs {\n    // tidy");
    const second = await review(HEAD2, again, onPr, "anon-2");
    expect(second.captured.reviews).toEqual([]);
    expect(second.captured.checkRunUpdates.at(-1).output.annotations).toHaveLength(2);
    nock.cleanAll();

    // Comments an older version wrote carry the old key (`<anonymous>`): still recognised, nothing repeats.
    const legacy = onPr.map((c) => ({
      ...c,
      body: c.body.replace(/method=\S+ /, (m) =>
        m.replace(/%3Canonymous%40.*?%23\d+%3E/i, "%3Canonymous%3E"),
      ),
    }));
    expect(legacy.map((c) => c.body)).not.toEqual(onPr.map((c) => c.body));
    const third = await review(HEAD2, again, legacy, "anon-3");
    expect(third.captured.reviews).toEqual([]);
  });
});

describe("a push while the previous one waits in the queue", () => {
  it("supersedes the waiting job: only the newest head is reviewed, with one check run", async () => {
    const text = readJava("head");
    const gh = mockGitHub()
      .token()
      .createCheckRun(3)
      .updateCheckRun(3, 2)
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
