import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/review-harness.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";
import { type Endpoint, type Fault, mockFlakyGitHub } from "./flaky-github.js";

const HEAD = "f".repeat(40);

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

async function reviewWith(faults: Partial<Record<Endpoint, Fault[]>>) {
  const gh = mockFlakyGitHub(HEAD, faults);
  await h.probot.receive({
    id: `fault-${Math.random()}`,
    name: "pull_request",
    payload: pullRequestPayload("opened", HEAD) as never,
  });
  const counts = await h.drain();
  return { ...gh, counts, last: gh.state.checkRunUpdates.at(-1) };
}

/** The outcome GitHub must show after any fault the job survives: one check run, one review, one comment. */
function expectPostedOnce(r: Awaited<ReturnType<typeof reviewWith>>) {
  expect(r.state.checkRunCreates).toHaveLength(1);
  expect(r.state.reviews).toHaveLength(1);
  expect(r.state.comments.map((c) => c.path)).toEqual(["src/main/java/com/example/Calc.java"]);
  expect(r.last).toMatchObject({
    status: "completed",
    conclusion: "neutral",
    output: { title: "1 of 2 methods flagged" },
  });
  expect(r.counts).toMatchObject({ queued: 0, running: 0, done: 1, dead: 0 });
}

describe("GitHub faults during a review job", () => {
  it("500 on the file list, then 502 on a file's contents: retried, everything posted once", async () => {
    const r = await reviewWith({ listFiles: [{ status: 500 }], getContent: [{ status: 502 }] });
    expect(r.state.calls).toMatchObject({ listFiles: 3, createCheckRun: 1 });
    expect(h.results).toEqual(["reviewed"]);
    expectPostedOnce(r);
  });

  it("403 secondary rate limit with retry-after on creating the check run: retried, one check run", async () => {
    const limit = {
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    };
    const r = await reviewWith({
      createCheckRun: [{ status: 403, body: limit, headers: { "retry-after": "0" } }],
    });
    expect(r.state.calls.createCheckRun).toBe(2);
    expectPostedOnce(r);
  });

  it("403 secondary rate limit on re-reading the head before posting: retried, review posted once", async () => {
    const limit = { message: "You have exceeded a secondary rate limit." };
    const r = await reviewWith({ getPull: [{ status: 403, body: limit, headers: { "retry-after": "0" } }] });
    expectPostedOnce(r);
  });

  it("a timeout after GitHub created the review: the retry finds its comment and posts no second one", async () => {
    const r = await reviewWith({ createReview: [{ errorAfterApply: "ETIMEDOUT" }] });
    expect(r.state.calls.createReview).toBe(1);
    expectPostedOnce(r);
  });

  it("a connection reset before the review reached GitHub: retried, posted once", async () => {
    const r = await reviewWith({ createReview: [{ error: "ECONNRESET" }] });
    expect(r.state.calls.createReview).toBe(2);
    expectPostedOnce(r);
  });

  it("422 on every review: no review, the finding kept as an annotation, the check run says GitHub refused it", async () => {
    const refusal = {
      status: 422,
      body: {
        message: "Unprocessable Entity",
        errors: ["pull_request_review_thread.line must be part of the diff"],
      },
    };
    const r = await reviewWith({ createReview: Array.from({ length: 4 }, () => refusal) });
    expect(r.state.reviews).toEqual([]);
    expect(r.last).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(r.last?.output?.summary).toContain("Comments GitHub refused");
    expect(r.last?.output?.summary).toContain("must be part of the diff");
    expect((r.last?.output?.annotations ?? []).map((a) => a.title)).toEqual([
      expect.stringContaining("Calc.multiply"),
    ]);
  });

  // The last attempt completes the check run with what failed instead of leaving it `in_progress`.
  it("GitHub answering 500 on every attempt: the job gives up with a check run saying what failed", async () => {
    const r = await reviewWith({ listFiles: Array.from({ length: 10 }, () => ({ status: 500 })) });
    expect(r.counts.dead).toBe(1);
    expect(r.state.reviews).toEqual([]);
    expect(r.last).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(r.last?.output?.summary).toMatch(/listing the pull request's files/);
  });
});
