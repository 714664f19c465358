import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot } from "probot";
import { createApp } from "../../../src/app/create-app.js";
import { createJobRouter } from "../../../src/app/create-job-router.js";
import { createReviewJobHandler } from "../../../src/app/create-review-job-handler.js";
import { withJobDeadline } from "../../../src/app/with-job-deadline.js";
import { readJobBudgets } from "../../../src/config/read-server-env.js";
import { FEEDBACK_JOB_TYPES } from "../../../src/feedback/create-feedback-job-handler.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { createCachedJudge } from "../../../src/judge/create-cached-judge.js";
import { createModelJudge } from "../../../src/judge/create-model-judge.js";
import type { Judge } from "../../../src/judge/types.js";
import { openQueue } from "../../../src/queue/open-queue.js";
import type { JobBudget, Queue, QueueCounts } from "../../../src/queue/types.js";
import type { ReviewJobResult } from "../../../src/review/run-review-job.js";
import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/types.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { drainQueue } from "../../support/drain-queue.js";
import { TestOctokit } from "../../support/test-octokit.js";

export const privateKey = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

let sharedJudge: Promise<Judge> | undefined;

/** One tiny real model per test file: "0" (incorrect) wins exactly when the method's text contains BUG. */
export function tinyJudge(): Promise<Judge> {
  sharedJudge ??= writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }).then((model) =>
    createModelJudge({ model, contextSize: 1024, sequences: 2, name: "tiny-flag-bug" }),
  );
  return sharedJudge;
}

export interface Harness {
  probot: Probot;
  store: Store;
  queue: Queue;
  results: ReviewJobResult[];
  /** Starts a worker, waits until no job is queued or running, stops it. */
  drain(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export async function createHarness(
  opts: { judgeFails?: string; maxAttempts?: number; judge?: Judge; reviewBudget?: JobBudget } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "jj-review-"));
  const databaseUrl = `sqlite:${join(dir, "db.sqlite")}`;
  const store = await openStore(databaseUrl);
  const queue = await openQueue({
    databaseUrl,
    backoffSeconds: 0,
    pollMs: 20,
    leaseSeconds: 30,
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
  });
  const probot = new Probot({
    appId: 123,
    privateKey,
    Octokit: TestOctokit,
    logLevel: "warn",
  });
  await probot.load(createApp({ queue }));
  const javaParser = await loadJavaParser();
  const results: ReviewJobResult[] = [];
  const base = opts.judge ?? (await tinyJudge());
  const judge = createCachedJudge(base, store);
  const handler = createJobRouter({
    review: withJobDeadline(
      createReviewJobHandler({
        probot,
        getJudge: async () => {
          if (opts.judgeFails) throw new Error(opts.judgeFails);
          return judge;
        },
        store,
        javaParser,
        clock: { now: () => new Date() },
        log: { info: () => {}, warn: () => {} },
        onDone: (r) => results.push(r),
      }),
      { jobType: "review", budget: opts.reviewBudget ?? readJobBudgets({}).review },
    ),
    // Feedback polls (on synchronize) are tested in test/integration/feedback: here they are taken off the
    // queue unrun, so each review test mocks only the review's own requests.
    ...Object.fromEntries(FEEDBACK_JOB_TYPES.map((type) => [type, async () => {}])),
  });
  return {
    probot,
    store,
    queue,
    results,
    async drain() {
      return drainQueue(queue, handler);
    },
    async close() {
      await queue.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
