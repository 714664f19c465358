// Process entries for `serve` and `worker`: read the environment, wire the dependencies, no logic.
import { createServer } from "node:http";
import { createNodeMiddleware, createProbot, type Probot } from "probot";
import { createApp } from "./app/create-app.js";
import { createHttpHandler } from "./app/create-http-handler.js";
import { createJobHandlers } from "./app/create-job-handlers.js";
import { createJobRouter } from "./app/create-job-router.js";
import { createMetrics } from "./app/create-metrics.js";
import { startSetupServer } from "./app/start-setup-server.js";
import { needsAppSetup, readServerEnv, requireAppEnv } from "./config/read-server-env.js";
import { UsageError } from "./errors.js";
import { createGeneratorLoader } from "./generator/create-generator-loader.js";
import { loadJavaParser } from "./java/load-java-parser.js";
import { checkModelFiles } from "./llm/check-model-files.js";
import { parseLlamaGpu } from "./llm/get-llama-runtime.js";
import { parseLlamaThreads } from "./llm/resolve-thread-count.js";
import { openQueue } from "./queue/open-queue.js";
import type { Queue, WorkerPool } from "./queue/types.js";
import { createJudgeLoader } from "./review/create-judge-loader.js";
import { openStore } from "./store/open-store.js";
import type { Store } from "./store/types.js";

const WEBHOOK_PATH = "/api/github/webhooks";

export interface Running {
  stop(): Promise<void>;
}

/**
 * `java-judge serve`: the webhook server plus WORKERS in-process workers; without any app credentials, Probot's
 * setup page that registers the app and writes them.
 */
export async function startServe(env: NodeJS.ProcessEnv = process.env): Promise<Running & { port: number }> {
  if (needsAppSetup(env)) return startSetupServer(env, readServerEnv(env));
  requireAppEnv(env);
  const settings = readServerEnv(env);
  parseLlamaGpu(env.LLAMA_GPU); // a bad value fails the start, not every job later
  parseLlamaThreads(env.LLAMA_THREADS);
  const probot = createAppProbot(env);
  const { store, queue } = await openData(settings.databaseUrl, probot);
  const metrics = createMetrics(() => queue.counts());
  const webhooks = await createNodeMiddleware(createApp({ queue }), { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer(createHttpHandler({ webhooks, metrics, webhookPath: WEBHOOK_PATH }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  probot.log.info(`java-judge listening on http://${settings.host}:${port} (${settings.workers} workers)`);
  let workers: WorkerPool | null = null;
  try {
    if (settings.workers > 0) workers = await startWorkers({ probot, store, queue, settings, metrics });
  } catch (error) {
    // A listening server would keep the process alive with nothing to run its jobs.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await queue.close();
    await store.close();
    throw error;
  }
  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers?.stop();
      await queue.close();
      await store.close();
    },
  };
}

/** `java-judge worker`: workers alone (model hosts), no HTTP server. */
export async function startWorkerOnly(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  requireAppEnv(env);
  const settings = readServerEnv(env);
  parseLlamaGpu(env.LLAMA_GPU); // a bad value fails the start, not every job later
  parseLlamaThreads(env.LLAMA_THREADS);
  const probot = createAppProbot(env);
  const { store, queue } = await openData(settings.databaseUrl, probot);
  const workers = await startWorkers({
    probot,
    store,
    queue,
    settings: { ...settings, workers: Math.max(1, settings.workers) },
  });
  probot.log.info(`java-judge worker started (${Math.max(1, settings.workers)} workers)`);
  return {
    async stop() {
      await workers.stop();
      await queue.close();
      await store.close();
    },
  };
}

function createAppProbot(env: NodeJS.ProcessEnv): Probot {
  try {
    // Probot's createProbot defaults to "warn", which would hide the "listening" line; README says info.
    return createProbot({ env: { LOG_LEVEL: "info", ...env } });
  } catch (error) {
    // Probot drops the reason a key did not parse and says only "privateKey option is required".
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(
      `cannot set up the GitHub App (${why}): PRIVATE_KEY must hold the app's PEM key (or its base64)`,
    );
  }
}

async function openData(databaseUrl: string, probot: Probot): Promise<{ store: Store; queue: Queue }> {
  const store = await openStore(databaseUrl);
  const log = {
    info: (m: string) => probot.log.info(m),
    warn: (m: string) => probot.log.warn(m),
    error: (m: string) => probot.log.error(m),
  };
  return { store, queue: await openQueue({ databaseUrl, log }) };
}

async function startWorkers(p: {
  probot: Probot;
  store: Store;
  queue: Queue;
  settings: ReturnType<typeof readServerEnv>;
  metrics?: ReturnType<typeof createMetrics>;
}): Promise<WorkerPool> {
  await reportModelFiles(p.probot, p.settings);
  const judge = createJudgeLoader({ model: p.settings.judgeModel, cache: p.store });
  const generator = createGeneratorLoader({ model: p.settings.generatorModel });
  const javaParser = await loadJavaParser();
  const handlers = createJobHandlers({
    probot: p.probot,
    store: p.store,
    queue: p.queue,
    getJudge: () => judge.get(),
    getGenerator: () => generator.get(),
    javaParser,
    log: { info: (m) => p.probot.log.info(m), warn: (m) => p.probot.log.warn(m) },
    feedback: true,
    budgets: p.settings.jobBudgets,
    onJudged: (outcomes, stats) => {
      for (const o of outcomes) {
        const verdict = o.result.kind === "skipped" ? "skipped" : o.result.flagged ? "flagged" : "passed";
        p.metrics?.methodsJudged.inc({ verdict });
      }
      if (stats.seconds > 0) p.metrics?.judgeTokensPerSecond.set(stats.evaluatedTokens / stats.seconds);
    },
  });
  const pool = await p.queue.work(createJobRouter(handlers), { concurrency: p.settings.workers });
  return {
    async stop(opts) {
      await pool.stop(opts);
      await judge.dispose();
      await generator.dispose();
    },
  };
}

/** Workers start even with a broken model (reviews then say the judge is unavailable), but say so now. */
async function reportModelFiles(probot: Probot, settings: ReturnType<typeof readServerEnv>): Promise<void> {
  if (!settings.judgeModel) {
    probot.log.warn(
      "no JUDGE_MODEL set: reviews will report the judge as unavailable until one is configured",
    );
  }
  const problems = await checkModelFiles({ judge: settings.judgeModel, generator: settings.generatorModel });
  for (const p of problems) {
    const effect =
      p.role === "judge" ? "reviews will report the judge as unavailable" : "suggestions will fail";
    probot.log.error(`${p.role} model ${p.model} is unusable: ${p.message}; ${effect}`);
  }
}

/**
 * SIGTERM / SIGINT: stop taking webhooks and jobs, let the running job finish (or release it), then exit.
 * A second signal exits at once.
 */
export function stopOnSignal(running: { stop(): Promise<void> }): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`java-judge: ${signal}: finishing the running job, then exiting\n`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `java-judge: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
