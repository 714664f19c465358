import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot } from "probot";
import { createApp } from "../app/create-app.js";
import { describeError, UsageError } from "../errors.js";
import { createGeneratorLoader } from "../generator/create-generator-loader.js";
import { resolveModel } from "../llm/resolve-model.js";
import { createJudgeLoader } from "../review/create-judge-loader.js";
import type { ReviewJobResult } from "../review/run-review-job.js";
import type { CommandJobResult } from "../slash-commands/run-command-job.js";
import { openStore } from "../store/open-store.js";
import { createActionAuth } from "./create-action-auth.js";
import { createActionJobHandler } from "./create-action-job-handler.js";
import { createInlineQueue, type InlineJobReport } from "./create-inline-queue.js";
import { decideActionEvent } from "./decide-action-event.js";
import { parseConfigOverrides } from "./parse-config-overrides.js";
import type { ActionEnv } from "./read-action-env.js";
import { readActionEvent } from "./read-action-event.js";

export type ActionRunResult =
  | { kind: "unsupported"; notice: string }
  | {
      kind: "ran";
      event: string;
      jobs: InlineJobReport[];
      reviews: ReviewJobResult[];
      commands: CommandJobResult[];
      /** Why the judge did not load, when it did not (the check run says so too). */
      judgeError?: string;
    };

export interface ActionIo {
  log: { info(message: string): void; warn(message: string): void };
  /** LOG_LEVEL for Probot's own logger. */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** Where the temporary SQLite store goes when no DATABASE_URL is given (RUNNER_TEMP in a job). */
  tempDir?: string;
}

/**
 * One GitHub Actions event through the app: the same handlers turn it into jobs, the same job handlers
 * run them, here in this process, with the job's token. Bad input throws UsageError before any API call.
 */
export async function runActionEvent(env: ActionEnv, io: ActionIo): Promise<ActionRunResult> {
  // 1. The event and the inputs, all checked before anything is posted.
  const payload = await readActionEvent(env.eventPath);
  const decision = decideActionEvent({
    eventName: env.eventName,
    payload,
    repository: `${env.owner}/${env.repo}`,
  });
  if (decision.kind === "unsupported") return decision;
  const configOverrides = parseConfigOverrides(env.configOverrides);
  await requireModel("judge-model", env.judgeModel);
  if (env.generatorModel) await requireModel("generator-model", env.generatorModel);

  // 2. The app's handlers, fed this one event; they enqueue into a queue that lives for this job.
  const probot = new Probot({ githubToken: env.token, baseUrl: env.apiUrl, logLevel: io.logLevel ?? "info" });
  const queue = createInlineQueue();
  await probot.load(createApp({ queue }));
  try {
    await probot.receive({ id: env.deliveryId, name: decision.name, payload: decision.payload } as never);
  } catch (error) {
    throw new Error(`handling the ${decision.name} event failed: ${describeAggregate(error)}`);
  }

  // 3. Run the jobs to completion: the store (score cache, comment records), the judge, the handlers.
  const temp = env.databaseUrl ? undefined : await mkdtemp(join(io.tempDir ?? tmpdir(), "java-judge-"));
  const store = await openStore(env.databaseUrl ?? `sqlite:${join(temp ?? "", "store.db")}`);
  const judge = createJudgeLoader({ model: env.judgeModel, cache: store });
  const generator = createGeneratorLoader({ model: env.generatorModel });
  const reviews: ReviewJobResult[] = [];
  const commands: CommandJobResult[] = [];
  let judgeError: string | undefined;
  try {
    const { handler, runs } = await createActionJobHandler({
      probot: createActionAuth({ probot, configOverrides }),
      store,
      queue,
      judge,
      generator,
      log: io.log,
      budgets: env.jobBudgets,
      onReviewed: (r) => reviews.push(r),
      onCommand: (r) => commands.push(r),
      onJudgeError: (message) => {
        judgeError = message;
      },
    });
    const jobs = await queue.drain(handler, runs);
    return {
      kind: "ran",
      event: decision.name,
      jobs,
      reviews,
      commands,
      ...(judgeError ? { judgeError } : {}),
    };
  } finally {
    await generator.dispose();
    await judge.dispose();
    await store.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

async function requireModel(inputName: string, model: string): Promise<void> {
  try {
    await resolveModel(model);
  } catch (error) {
    throw new UsageError(`${inputName}: ${describeError(error)}`);
  }
}

function describeAggregate(error: unknown): string {
  const inner = error instanceof AggregateError ? error.errors[0] : error;
  return describeError(inner ?? error);
}
