import { afterAll, describe, expect, it } from "vitest";
import { createModelJudge } from "../../../src/judge/create-model-judge.js";
import type { Judge } from "../../../src/judge/types.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { createTestDatabases, waitFor } from "../../unit/queue/queue-test-backends.js";
import { javaClassOfMethods } from "../support/java-class-of-methods.js";
import { privateKey } from "../support/review-harness.js";
import { fakePull, type PullEvent, startPullsGitHub } from "../support/start-pulls-github.js";
import { reviewJobOf, startReviewWorker } from "../support/start-review-worker.js";

const dbs = createTestDatabases("fairrev");
let judge: Promise<Judge> | undefined;
afterAll(async () => {
  await (await judge)?.dispose();
  await dbs.cleanup();
});

const LARGE = 40;
const pull = (installation: number, owner: string, number: number, java: { base: string; head: string }) =>
  fakePull({ installation, owner, number, java });

describe.each(dbs.backends)(
  "reviews under load on %s (one worker, the real tiny judge)",
  (_kind, makeUrl) => {
    it("takes turns: the one-method PRs that arrive during a 40-method review complete first, each review once", async () => {
      judge ??= writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }).then((model) =>
        createModelJudge({ model, contextSize: 1024, sequences: 2, name: "tiny-flag-bug" }),
      );
      const large = pull(
        1,
        "acme",
        1,
        javaClassOfMethods({ className: "P1", count: LARGE, lines: 8, buggy: [7] }),
      );
      const smalls = [
        pull(1, "acme", 2, javaClassOfMethods({ className: "P2", count: 1, buggy: [0] })),
        pull(2, "beta", 3, javaClassOfMethods({ className: "P3", count: 1 })),
        pull(3, "gamma", 4, javaClassOfMethods({ className: "P4", count: 1 })),
      ];
      const gh = await startPullsGitHub([large, ...smalls]);
      const worker = await startReviewWorker({
        databaseUrl: makeUrl(),
        githubUrl: gh.baseUrl,
        privateKey,
        judge: await judge,
      });
      try {
        // The small PRs are pushed once the large review has started (its check run exists).
        gh.onCheckCreate = (key) => {
          if (key !== "acme/app#1") return;
          for (const s of smalls) void worker.queue.enqueue(reviewJobOf(s, `d-${s.number}`));
        };
        await worker.queue.enqueue(reviewJobOf(large, "d-1"));
        const pool = await worker.work();
        await waitFor(
          "four completed check runs",
          async () =>
            gh.events.filter((e) => e.kind === "check-update" && e.status === "completed").length === 4,
          60_000,
        );
        await waitFor("the queue to drain", async () => {
          const c = await worker.queue.counts();
          return c.queued === 0 && c.running === 0;
        });
        await pool.stop();

        const completed = (key: string) =>
          gh.events.findIndex((e) => e.pull === key && e.kind === "check-update" && e.status === "completed");
        const largeDone = completed("acme/app#1");
        for (const s of smalls) expect(completed(`${s.owner}/app#${s.number}`)).toBeLessThan(largeDone);

        const largeUpdates = gh.events.filter((e) => e.pull === "acme/app#1" && e.kind === "check-update");
        const waiting = largeUpdates.filter((e) => e.title?.includes("waiting behind other work"));
        expect(waiting.length).toBeGreaterThan(0);
        expect(waiting[0]?.summary).toMatch(
          new RegExp(`^scored \\d+ / ${LARGE} methods; other pull requests`),
        );
        expect(largeUpdates.at(-1)).toMatchObject({
          status: "completed",
          conclusion: "neutral",
          title: `1 of ${LARGE} methods flagged`,
        });
        // Every PR: one check run; a review (once) where a method is flagged, with its comment.
        const once = (kind: PullEvent["kind"]) => gh.events.filter((e) => e.kind === kind).map((e) => e.pull);
        expect(once("check-create").sort()).toEqual([
          "acme/app#1",
          "acme/app#2",
          "beta/app#3",
          "gamma/app#4",
        ]);
        expect(once("review").sort()).toEqual(["acme/app#1", "acme/app#2"]);
        const comments = Object.fromEntries(
          gh.events.filter((e) => e.kind === "review").map((e) => [e.pull, e.comments]),
        );
        expect(comments).toEqual({ "acme/app#1": 1, "acme/app#2": 1 });
        expect(worker.results.filter((r) => r === "reviewed")).toHaveLength(4);
        expect(worker.results).toContain("continuing");
        expect(await worker.queue.counts()).toMatchObject({ done: 4, dead: 0, failed: 0, superseded: 0 });
      } finally {
        await worker.close();
        await gh.close();
      }
    }, 120_000);
  },
);
