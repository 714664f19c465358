import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API, mockGitHub } from "./support/fake-github.js";
import { CALC_PATH, makePatch, readJava } from "./support/java-fixtures.js";
import { createHarness, type Harness } from "./support/review-harness.js";
import { BASE_SHA, PR, pullRequestPayload } from "./support/webhook-payloads.js";

const HEAD = "d".repeat(40);
const base = readJava("base");
const head = readJava("head");
const calc = { path: CALC_PATH, contents: { [BASE_SHA]: base, [HEAD]: head }, patch: makePatch(base, head) };
const opened = () => pullRequestPayload("opened", HEAD) as never;

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

describe("review edge cases", () => {
  it("a PR without Java changes gets a completed check run saying so", async () => {
    const gh = mockGitHub()
      .token()
      .createCheckRun()
      .updateCheckRun(555, 2)
      .config(null)
      .files([{ path: "docs/index.md", contents: {}, patch: "@@ -1 +1 @@\n-a\n+b" }])
      .mergeBase(HEAD);
    await h.probot.receive({ id: "d-nojava", name: "pull_request", payload: opened() });
    await h.drain();
    expect(h.results).toEqual(["no-java"]);
    expect(gh.captured.checkRunUpdates.at(-1)).toMatchObject({
      status: "completed",
      conclusion: "success",
      output: { title: "No Java changes to review" },
    });
    expect(gh.scope.isDone()).toBe(true);
  });

  it("an invalid config fails the check run, naming the key", async () => {
    const gh = mockGitHub().token().createCheckRun().updateCheckRun(555, 2).config("threshold: 3\n");
    await h.probot.receive({ id: "d-config", name: "pull_request", payload: opened() });
    await h.drain();
    expect(h.results).toEqual(["invalid-config"]);
    const done = gh.captured.checkRunUpdates.at(-1);
    expect(done).toMatchObject({
      conclusion: "failure",
      output: { title: "Invalid .github/java-judge.yml" },
    });
    expect(done.output.summary).toContain('key "threshold"');
    expect(gh.scope.isDone()).toBe(true);
  });

  it("a redelivered webhook makes one job", async () => {
    await h.probot.receive({ id: "same-delivery", name: "pull_request", payload: opened() });
    await h.probot.receive({ id: "same-delivery", name: "pull_request", payload: opened() });
    expect(await h.queue.counts()).toMatchObject({ queued: 1 });
  });

  it("a secondary rate limit on posting retries the job later and posts the review once", async () => {
    const gh = mockGitHub()
      .token()
      .createCheckRun()
      .updateCheckRun(555, 1)
      .config(null)
      .files([calc])
      .mergeBase(HEAD)
      .contents(calc)
      .head(HEAD)
      .existingComments([]);
    gh.scope
      .post(`/repos/acme/shop/pulls/${PR}/reviews`)
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "0" });
    // Attempt 2 takes the same check run over, finds no comment of ours yet, posts.
    gh.scope
      .get("/repos/acme/shop/commits/" + HEAD + "/check-runs")
      .query({ check_name: "java-judge" })
      .reply(200, { total_count: 1, check_runs: [{ id: 555, status: "in_progress" }] });
    gh.updateCheckRun(555, 2)
      .config(null)
      .files([calc])
      .mergeBase(HEAD)
      .contents(calc)
      .head(HEAD)
      .existingComments([])
      .createReview();
    await h.probot.receive({ id: "d-limit", name: "pull_request", payload: opened() });
    await h.drain();
    expect(h.results).toEqual(["reviewed"]);
    expect(gh.scope.pendingMocks()).toEqual([]);
    expect(gh.captured.checkRunCreates).toHaveLength(1);
    expect(gh.captured.reviews).toHaveLength(1);
    expect(gh.captured.checkRunUpdates.at(-1)).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(gh.scope.isDone()).toBe(true);
  });

  it("a retryable failure on the last attempt concludes the check run as failed, saying why", async () => {
    const last = await createHarness({ maxAttempts: 1 });
    try {
      const gh = mockGitHub()
        .token()
        .createCheckRun()
        .updateCheckRun(555, 2)
        .config(null)
        .files([calc])
        .mergeBase(HEAD)
        .contents(calc)
        .head(HEAD)
        .existingComments([]);
      gh.scope
        .post(`/repos/acme/shop/pulls/${PR}/reviews`)
        .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "0" });
      await last.probot.receive({ id: "d-last", name: "pull_request", payload: opened() });
      const counts = await last.drain();
      expect(counts.dead).toBe(1);
      expect(gh.captured.reviews).toHaveLength(0);
      const done = gh.captured.checkRunUpdates.at(-1);
      expect(done).toMatchObject({ status: "completed", conclusion: "failure" });
      expect(done.output.summary).toContain("after 1 attempts");
      expect(gh.scope.isDone()).toBe(true);
    } finally {
      await last.close();
    }
  });

  it("a comment GitHub still refuses (422) is reported in the check run; the rest is posted", async () => {
    // Two flagged methods: GitHub refuses any review holding the one on line 12's method.
    const twoBugs = head.replace("return a - b;", "return a - b - 1; // BUG");
    const file = {
      path: CALC_PATH,
      contents: { [BASE_SHA]: base, [HEAD]: twoBugs },
      patch: makePatch(base, twoBugs),
    };
    const gh = mockGitHub()
      .token()
      .createCheckRun()
      .updateCheckRun(555, 2)
      .config(null)
      .files([file])
      .mergeBase(HEAD)
      .contents(file)
      .head(HEAD)
      .existingComments([]);
    const refusesSubtract = (b: any) => b.comments.some((c: any) => c.body.includes("subtract"));
    const probes: any[] = [];
    gh.scope
      // The whole review, then the pending probe holding the refused comment.
      .post(`/repos/acme/shop/pulls/${PR}/reviews`, refusesSubtract)
      .times(2)
      .reply(422, { message: "Unprocessable Entity", errors: ["Line could not be resolved"] })
      // No pending review left over from an earlier attempt.
      .get(`/repos/acme/shop/pulls/${PR}/reviews`)
      .query({ per_page: 100 })
      .reply(200, [])
      // The pending (invisible: no `event`) probe of the other comment is accepted, then deleted.
      .post(`/repos/acme/shop/pulls/${PR}/reviews`, (b: any) => !b.event && (probes.push(b), true))
      .reply(200, { id: 4242, state: "PENDING" })
      .delete(`/repos/acme/shop/pulls/${PR}/reviews/4242`)
      .reply(200, { id: 4242 });
    gh.createReview();
    await h.probot.receive({ id: "d-422", name: "pull_request", payload: opened() });
    await h.drain();
    // One visible review, holding only the comment GitHub accepts.
    expect(gh.captured.reviews).toHaveLength(1);
    expect(gh.captured.reviews[0].event).toBe("COMMENT");
    expect(gh.captured.reviews[0].comments.map((c: any) => c.body.match(/`Calc\.(\w+)`/)?.[1])).toEqual([
      "multiply",
    ]);
    expect(probes).toHaveLength(1);
    expect(probes[0].body).toBeUndefined();
    const done = gh.captured.checkRunUpdates.at(-1);
    expect(done.conclusion).toBe("neutral");
    expect(done.output.summary).toContain("Comments GitHub refused");
    expect(done.output.summary).toContain("Line could not be resolved");
    expect(done.output.annotations.map((a: any) => a.title)).toEqual([
      expect.stringContaining("Calc.subtract"),
    ]);
    expect(gh.scope.isDone()).toBe(true);
    expect(API).toBe("https://api.github.com");
  });
});
