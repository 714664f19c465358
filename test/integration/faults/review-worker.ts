// A review worker process for the crash test: the real review job handler against a fake GitHub (FAKE_GITHUB_URL),
// the tiny judge model, and the queue and store at DATABASE_URL. Exits once nothing is queued or running.
import { Probot, ProbotOctokit } from "probot";
import { createJobRouter } from "../../../src/app/create-job-router.js";
import { createReviewJobHandler } from "../../../src/app/create-review-job-handler.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { createCachedJudge } from "../../../src/judge/create-cached-judge.js";
import { createModelJudge } from "../../../src/judge/create-model-judge.js";
import { openQueue } from "../../../src/queue/open-queue.js";
import { openStore } from "../../../src/store/open-store.js";

const env = (key: string): string => {
  const value = process.env[key];
  if (!value) throw new Error(`review-worker needs ${key}`);
  return value;
};
const databaseUrl = env("DATABASE_URL");
const probot = new Probot({
  appId: 123,
  privateKey: env("PRIVATE_KEY"),
  baseUrl: env("FAKE_GITHUB_URL"),
  Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  logLevel: "warn",
});
const store = await openStore(databaseUrl);
const queue = await openQueue({ databaseUrl, leaseSeconds: 1, backoffSeconds: 0, pollMs: 50 });
const model = await createModelJudge({ model: env("JUDGE_MODEL"), contextSize: 1024, sequences: 2 });
const handler = createJobRouter({
  review: createReviewJobHandler({
    probot,
    getJudge: async () => createCachedJudge(model, store),
    store,
    javaParser: await loadJavaParser(),
    clock: { now: () => new Date() },
    log: { info: () => {}, warn: (m) => process.stderr.write(`${m}\n`) },
    onDone: (r) => process.stdout.write(`result ${r}\n`),
  }),
});
const pool = await queue.work(handler, { concurrency: 1 });
for (;;) {
  const c = await queue.counts();
  if (c.queued === 0 && c.running === 0 && c.done + c.dead + c.failed > 0) break;
  await new Promise((r) => setTimeout(r, 50));
}
await pool.stop();
await model.dispose();
await queue.close();
await store.close();
