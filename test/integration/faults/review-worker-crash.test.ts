import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildReviewJobFromPullRequest } from "../../../src/app/build-review-job.js";
import { openQueue } from "../../../src/queue/open-queue.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { privateKey } from "../support/review-harness.js";
import { startWorkerProcess } from "../support/start-worker-process.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";
import { startFakeGitHub } from "./start-fake-github.js";

const HEAD = "7".repeat(40);
const dir = mkdtempSync(join(tmpdir(), "jj-review-crash-"));
const script = fileURLToPath(new URL("./review-worker.ts", import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startWorker = (env: Record<string, string>) => startWorkerProcess(script, env);

describe("a review worker process killed with SIGKILL while posting its review", () => {
  it("is taken over by a new worker, which completes the check run and posts no second review", async () => {
    const gh = await startFakeGitHub(HEAD);
    const databaseUrl = `sqlite:${join(dir, "db.sqlite")}`;
    try {
      const queue = await openQueue({ databaseUrl });
      const built = buildReviewJobFromPullRequest(
        "crash-delivery",
        pullRequestPayload("opened", HEAD) as never,
      );
      if (!("job" in built)) throw new Error(built.skip);
      await queue.enqueue(built.job);
      const env = {
        DATABASE_URL: databaseUrl,
        FAKE_GITHUB_URL: gh.baseUrl,
        PRIVATE_KEY: privateKey,
        JUDGE_MODEL: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
      };
      // GitHub takes the review; the worker dies before it hears back (the worst moment: the write is done).
      const first = startWorker(env);
      let killed = false;
      gh.onReview = () => {
        killed = first.child.kill("SIGKILL");
        return new Promise(() => {});
      };
      expect(await first.exited).toBeNull();
      expect(killed).toBe(true);
      expect(gh.reviews).toHaveLength(1);

      gh.onReview = null;
      const second = startWorker(env);
      expect(await second.exited, second.output()).toBe(0);
      expect(second.output()).toContain("result reviewed");
      expect(gh.reviews).toHaveLength(1);
      expect(gh.checkRunCreates).toHaveLength(1);
      expect(gh.checkRunUpdates.at(-1)).toMatchObject({
        status: "completed",
        output: { title: "1 of 2 methods flagged" },
      });
      expect(await queue.counts()).toMatchObject({ queued: 0, running: 0, done: 1, dead: 0 });
      await queue.close();
    } finally {
      await gh.close();
    }
  }, 60_000);
});
