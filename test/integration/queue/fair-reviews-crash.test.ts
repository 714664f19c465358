import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openQueue } from "../../../src/queue/open-queue.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { createTestDatabases, waitFor } from "../../unit/queue/queue-test-backends.js";
import { javaClassOfMethods } from "../support/java-class-of-methods.js";
import { privateKey } from "../support/review-harness.js";
import { fakePull, startPullsGitHub } from "../support/start-pulls-github.js";
import { reviewJobOf } from "../support/start-review-worker.js";
import { startWorkerProcess } from "../support/start-worker-process.js";

const pull = (installation: number, number: number, java: { base: string; head: string }) =>
  fakePull({ installation, owner: `org${installation}`, number, java, stem: "K" });

const dbs = createTestDatabases("fairkill");
afterAll(() => dbs.cleanup());
const script = fileURLToPath(new URL("../faults/review-worker.ts", import.meta.url));
const postgres = dbs.backends.find(([kind]) => kind === "postgres")?.[1] as () => string;

const startWorker = (env: Record<string, string>) => startWorkerProcess(script, env);

describe("reviews taking turns on PostgreSQL, two worker processes, both SIGKILLed mid-slice", () => {
  it("a fresh worker finishes every review: nothing lost, nothing posted twice, one check run each", async () => {
    const url = postgres();
    const large = pull(1, 1, javaClassOfMethods({ className: "K1", count: 40, lines: 8, buggy: [30] }));
    const smalls = [2, 3, 4].map((n) =>
      pull(
        n === 2 ? 1 : n,
        n,
        javaClassOfMethods({ className: `K${n}`, count: 1, buggy: n === 3 ? [0] : [] }),
      ),
    );
    const gh = await startPullsGitHub([large, ...smalls]);
    const queue = await openQueue({ databaseUrl: url });
    try {
      await queue.enqueue(reviewJobOf(large, "k-1"));
      for (const s of smalls) await queue.enqueue(reviewJobOf(s, `k-${s.number}`));
      const env = {
        DATABASE_URL: url,
        FAKE_GITHUB_URL: gh.baseUrl,
        PRIVATE_KEY: privateKey,
        JUDGE_MODEL: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
      };
      const first = [startWorker(env), startWorker(env)];
      // Both die while the large review is judging (its check run says it is scoring).
      await waitFor(
        "the large review to be scoring",
        async () => gh.events.some((e) => e.pull === "org1/app#1" && e.title?.startsWith("Scoring 40")),
        60_000,
      );
      for (const w of first) w.child.kill("SIGKILL");
      for (const w of first) expect(await w.exited).toBeNull();

      const second = startWorker(env);
      expect(await second.exited).toBe(0);
      const completed = gh.events.filter((e) => e.kind === "check-update" && e.status === "completed");
      expect(completed.map((e) => e.pull).sort()).toEqual([
        "org1/app#1",
        "org1/app#2",
        "org3/app#3",
        "org4/app#4",
      ]);
      expect(completed.find((e) => e.pull === "org1/app#1")?.title).toBe("1 of 40 methods flagged");
      const creates = gh.events.filter((e) => e.kind === "check-create").map((e) => e.pull);
      expect(creates.sort()).toEqual(["org1/app#1", "org1/app#2", "org3/app#3", "org4/app#4"]);
      const reviews = gh.events.filter((e) => e.kind === "review").map((e) => e.pull);
      expect(reviews.sort()).toEqual(["org1/app#1", "org3/app#3"]);
      expect(await queue.counts()).toMatchObject({ queued: 0, running: 0, done: 4, dead: 0, failed: 0 });
    } finally {
      await queue.close();
      await gh.close();
    }
  }, 180_000);
});
