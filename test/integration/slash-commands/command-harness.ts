import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { Probot } from "probot";
import { createApp } from "../../../src/app/create-app.js";
import { createJobRouter } from "../../../src/app/create-job-router.js";
import { withJobDeadline } from "../../../src/app/with-job-deadline.js";
import { readJobBudgets } from "../../../src/config/read-server-env.js";
import type { CandidateSource } from "../../../src/generator/types.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { createCachedJudge } from "../../../src/judge/create-cached-judge.js";
import { openQueue } from "../../../src/queue/open-queue.js";
import type { Job, JobBudget, JobHandler, Queue, QueueCounts } from "../../../src/queue/types.js";
import { createCommandJobHandler } from "../../../src/slash-commands/create-command-job-handler.js";
import type { CommandJobResult } from "../../../src/slash-commands/run-command-job.js";
import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/types.js";
import { drainQueue } from "../../support/drain-queue.js";
import { TestOctokit } from "../../support/test-octokit.js";
import { API } from "../support/fake-github.js";
import { privateKey, tinyJudge } from "../support/review-harness.js";
import { OWNER, PR, REPO } from "../support/webhook-payloads.js";

export const repoPath = `/repos/${OWNER}/${REPO}`;
const GENERATIONS = join(import.meta.dirname, "../../fixtures/generations");

/** The recorded generations of one method, replayed as the generator: the dependency the job is given. */
export function recordedGenerator(method: string): CandidateSource & { prompts: string[] } {
  const recordings = JSON.parse(readFileSync(join(GENERATIONS, "recordings.json"), "utf8")) as {
    method: string;
    outputs: { raw: string }[];
  }[];
  const outputs = recordings.find((r) => r.method === method)?.outputs.map((o) => o.raw) ?? [];
  const prompts: string[] = [];
  return {
    name: "recording",
    maxPromptTokens: 4096,
    countTokens: (text) => Math.ceil(text.length / 4),
    prompts,
    async generate({ prompt, n }) {
      prompts.push(prompt);
      return Array.from({ length: n }, (_, i) => outputs[i % Math.max(1, outputs.length)] ?? "");
    },
  };
}

export interface CommandHarness {
  probot: Probot;
  store: Store;
  queue: Queue;
  results: CommandJobResult[];
  /** Review jobs a `/judge review` enqueued (taken off the queue by a stand-in worker). */
  reviewJobs: Job[];
  /** When each job's handler started (performance.now()), in the order the worker took them. */
  starts: { job: Job; at: number }[];
  drain(): Promise<void>;
  /** Runs the queue dry like drain(), failed jobs included; the final counts. */
  drainCounts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export async function createCommandHarness(
  generator: CandidateSource,
  opts: { commandBudget?: JobBudget } = {},
): Promise<CommandHarness> {
  const dir = mkdtempSync(join(tmpdir(), "jj-commands-"));
  const databaseUrl = `sqlite:${join(dir, "db.sqlite")}`;
  const store = await openStore(databaseUrl);
  const queue = await openQueue({ databaseUrl, backoffSeconds: 0, pollMs: 20, leaseSeconds: 30 });
  const probot = new Probot({
    appId: 123,
    privateKey,
    Octokit: TestOctokit,
    logLevel: "warn",
  });
  await probot.load(createApp({ queue }));
  const javaParser = await loadJavaParser();
  const judge = createCachedJudge(await tinyJudge(), store);
  const results: CommandJobResult[] = [];
  const reviewJobs: Job[] = [];
  const starts: { job: Job; at: number }[] = [];
  // The app's default command budget (10 min) unless the test sets a short one.
  const commandBudget = opts.commandBudget ?? readJobBudgets({}).command;
  const command = withJobDeadline(
    createCommandJobHandler({
      probot,
      store,
      queue,
      getGenerator: async () => generator,
      getJudge: async () => judge,
      javaParser,
      clock: { now: () => new Date() },
      log: { info: () => {} },
      onDone: (r) => results.push(r),
    }),
    { jobType: "command", budget: commandBudget },
  );
  const router = createJobRouter({
    command,
    review: async (ctx) => {
      reviewJobs.push(ctx.job);
    },
  });
  const handler: JobHandler = (ctx) => {
    starts.push({ job: ctx.job, at: performance.now() });
    return router(ctx);
  };
  return {
    probot,
    store,
    queue,
    results,
    reviewJobs,
    starts,
    async drain() {
      const counts = await drainQueue(queue, handler);
      if (counts.failed + counts.dead > 0) throw new Error(`a job failed: ${JSON.stringify(counts)}`);
    },
    drainCounts: () => drainQueue(queue, handler),
    async close() {
      await queue.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * nock for the calls every command job makes first: token (Probot caches it: only the first job of a test asks;
 * `token: false` for the later ones), config (none), the sender's permission.
 */
export function mockCommandStart(
  user: string,
  role: { permission: string; role_name: string } | 404,
  opts: { token?: boolean } = {},
) {
  const scope = nock(API);
  if (opts.token !== false)
    scope.post(/\/app\/installations\/\d+\/access_tokens/).reply(201, {
      token: "ghs_test",
      expires_at: "2999-01-01T00:00:00Z",
      permissions: { pull_requests: "write", contents: "read" },
    });
  scope.get(`${repoPath}/contents/.github%2Fjava-judge.yml`).reply(404, { message: "Not Found" });
  scope.get(`/repos/${OWNER}/.github/contents/.github%2Fjava-judge.yml`).reply(404, { message: "Not Found" });
  const permission = scope.get(`${repoPath}/collaborators/${encodeURIComponent(user)}/permission`);
  if (role === 404) permission.reply(404, { message: "Not Found" });
  else permission.reply(200, { ...role, user: { login: user } });
  return scope;
}

export { PR };
