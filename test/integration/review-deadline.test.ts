import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { Judge } from "../../src/judge/types.js";
import { BENCH_MODEL_PARAMS, writeTinyGguf } from "../model/write-tiny-gguf.js";
import { mockGitHub } from "./support/fake-github.js";
import { makePatch } from "./support/java-fixtures.js";
import { createHarness, type Harness } from "./support/review-harness.js";
import { BASE_SHA, pullRequestPayload } from "./support/webhook-payloads.js";

const HEAD = "d".repeat(40);
const PATH = "src/main/java/com/example/Many.java";
const METHODS = 80;

// 80 added methods: minutes of work for a 14M-parameter judge on one thread, cut by a 2 s budget.
const base = "package com.example;\n\npublic class Many {\n}\n";
const head = [
  "package com.example;",
  "",
  "public class Many {",
  ...Array.from({ length: METHODS }, (_, i) =>
    [
      "    /** Returns the sum of the first n multiples of the step. */",
      `    public static long sum${i}(int n, int step) {`,
      "        long total = 0;",
      `        for (int k = 1; k <= n; k++) total += (long) k * step + ${i};`,
      "        return total;",
      "    }",
    ].join("\n"),
  ),
  "}",
  "",
].join("\n");
const file = { path: PATH, contents: { [BASE_SHA]: base, [HEAD]: head }, patch: makePatch(base, head) };

let judge: Judge;
let h: Harness;
beforeAll(async () => {
  nock.disableNetConnect();
  judge = await createModelJudge({
    model: await writeTinyGguf({ seed: 3, ...BENCH_MODEL_PARAMS }),
    contextSize: 1024,
    sequences: 1,
    threads: 1,
  });
});
afterAll(async () => {
  nock.enableNetConnect();
  await judge?.dispose();
});
afterEach(async () => {
  nock.cleanAll();
  await h?.close();
});

describe("a review past its time budget", () => {
  it("stops the judge, says in the check run how far it got, and is not retried", async () => {
    h = await createHarness({ judge });
    const gh = mockGitHub()
      .token()
      .createCheckRun()
      .updateCheckRun(555, 3)
      .config("limits:\n  review_timeout_s: 2\n")
      .files([file])
      .mergeBase(HEAD)
      .contents(file)
      .head(HEAD, 1);
    // The job's first request creates the check run; its last completes it.
    let startedAt = 0;
    let completedAt = 0;
    gh.scope.on("request", (req) => {
      if (req.method === "POST" && req.path.endsWith("/check-runs")) startedAt = performance.now();
      if (req.method === "PATCH") completedAt = performance.now();
    });

    await h.probot.receive({
      id: "d1",
      name: "pull_request",
      payload: pullRequestPayload("opened", HEAD) as never,
    });
    const counts = await h.drain();

    // Failed once, for good: one check run, no second attempt, the worker idle again.
    expect(counts).toMatchObject({ queued: 0, running: 0, failed: 1, dead: 0, done: 0 });
    expect(gh.captured.checkRunCreates).toHaveLength(1);
    expect(h.results).toEqual([]);
    const completed = gh.captured.checkRunUpdates.at(-1);
    expect(completed).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "Review timed out" },
    });
    const summary: string = completed.output.summary;
    const match =
      /^The judge did not finish in 2 s \(the budget set by `limits\.review_timeout_s` in `\.github\/java-judge\.yml`\); (\d+) of 80 methods were scored\. Nothing was posted/.exec(
        summary,
      );
    expect(match, summary).not.toBeNull();
    const scored = Number(match?.[1]);
    expect(scored).toBeLessThan(METHODS);
    expect(gh.captured.reviews).toEqual([]);
    const late = (completedAt - startedAt) / 1000 - 2;
    process.stderr.write(
      `review deadline: ${scored} of ${METHODS} scored; check run completed ${late.toFixed(3)} s after the 2 s budget\n`,
    );
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(3);
    expect(gh.scope.isDone()).toBe(true);
  }, 60_000);
});
