import { Probot, ProbotOctokit } from "probot";
import { createJobRouter } from "../../../src/app/create-job-router.js";
import { createReviewJobHandler } from "../../../src/app/create-review-job-handler.js";
import { withJobDeadline } from "../../../src/app/with-job-deadline.js";
import { readJobBudgets } from "../../../src/config/read-server-env.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { createCachedJudge } from "../../../src/judge/create-cached-judge.js";
import type { Judge } from "../../../src/judge/types.js";
import { openQueue } from "../../../src/queue/open-queue.js";
import type { JobInput, Queue, WorkerPool } from "../../../src/queue/types.js";
import {
  REVIEW_JOB,
  type ReviewJobPayload,
  reviewSupersedeKey,
} from "../../../src/review/review-job-payload.js";
import type { ReviewJobResult } from "../../../src/review/run-review-job.js";
import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/types.js";
import type { FakePull } from "./start-pulls-github.js";

export interface ReviewWorker {
  queue: Queue;
  store: Store;
  results: ReviewJobResult[];
  /** Starts `concurrency` workers (one by default). */
  work(concurrency?: number): Promise<WorkerPool>;
  close(): Promise<void>;
}

/**
 * The production review path in this process: the queue and store at `databaseUrl`, Probot against a fake
 * GitHub, the review handler under its time budget, scores through the score cache.
 */
export async function startReviewWorker(p: {
  databaseUrl: string;
  githubUrl: string;
  privateKey: string;
  judge: Judge;
  sliceMethods?: number;
}): Promise<ReviewWorker> {
  const store = await openStore(p.databaseUrl);
  const queue = await openQueue({
    databaseUrl: p.databaseUrl,
    pollMs: 20,
    leaseSeconds: 30,
    backoffSeconds: 0,
  });
  const probot = new Probot({
    appId: 123,
    privateKey: p.privateKey,
    baseUrl: p.githubUrl,
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
    logLevel: "warn",
  });
  const judge = createCachedJudge(p.judge, store);
  const results: ReviewJobResult[] = [];
  const handler = createJobRouter({
    review: withJobDeadline(
      createReviewJobHandler({
        probot,
        getJudge: async () => judge,
        store,
        javaParser: await loadJavaParser(),
        clock: { now: () => new Date() },
        log: { info: () => {}, warn: (m) => process.stderr.write(`${m}\n`) },
        onDone: (r) => results.push(r),
        ...(p.sliceMethods === undefined ? {} : { sliceMethods: p.sliceMethods }),
      }),
      { jobType: "review", budget: readJobBudgets({}).review },
    ),
  });
  return {
    queue,
    store,
    results,
    work: (concurrency = 1) => queue.work(handler, { concurrency }),
    async close() {
      await queue.close();
      await store.close();
    },
  };
}

/** The review job a `pull_request.opened` delivery makes for a fake pull request. */
export function reviewJobOf(pull: FakePull, deliveryId: string): JobInput {
  const payload: ReviewJobPayload = {
    installationId: pull.installation,
    owner: pull.owner,
    repo: pull.repo,
    pullNumber: pull.number,
    headSha: pull.headSha,
    baseSha: pull.baseSha,
    draft: false,
    reason: "opened",
    explicit: false,
  };
  return {
    type: REVIEW_JOB,
    deliveryId,
    supersedeKey: reviewSupersedeKey(payload),
    payload: payload as unknown as Record<string, unknown>,
  };
}
