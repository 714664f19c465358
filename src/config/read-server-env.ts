import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { JobBudget } from "./job-budget.js";

/** The process settings of DESIGN.md ("Interfaces"); Probot reads APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET, GHE_* itself. */
export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string;
  workers: number;
  judgeModel: string | undefined;
  generatorModel: string | undefined;
  jobBudgets: JobBudgets;
}

/** The server's time budget of each job type (a repository may shorten the review and command ones). */
export interface JobBudgets {
  review: JobBudget;
  command: JobBudget;
  feedback: JobBudget;
}

/**
 * Defaults sized for a CPU host with a 0.5-3B judge: a review of up to `max_methods` methods; a regeneration of
 * a few methods (N candidates of up to 768 tokens each); feedback jobs make a few GitHub calls and run no model.
 */
const DEFAULT_BUDGET_S = { review: 15 * 60, command: 10 * 60, feedback: 2 * 60 } as const;

export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  return {
    port: wholeNumber(env, "PORT", 3000),
    host: env.HOST || "localhost",
    databaseUrl: env.DATABASE_URL || "sqlite:./data/java-judge.db",
    workers: wholeNumber(env, "WORKERS", 1),
    judgeModel: env.JUDGE_MODEL || undefined,
    generatorModel: env.GENERATOR_MODEL || undefined,
    jobBudgets: readJobBudgets(env),
  };
}

/**
 * No GitHub App credentials at all: the first run, which serves Probot's setup page (it writes them into .env).
 * Not in production (NODE_ENV=production, as in the Docker image), where Probot refuses its setup mode and the
 * missing credentials are an error.
 */
export function needsAppSetup(env: NodeJS.ProcessEnv): boolean {
  const credentials = ["APP_ID", "WEBHOOK_SECRET", "PRIVATE_KEY", "PRIVATE_KEY_PATH"];
  return env.NODE_ENV !== "production" && credentials.every((k) => !env[k]);
}

/** JOB_TIMEOUT_REVIEW_S, JOB_TIMEOUT_COMMAND_S, JOB_TIMEOUT_FEEDBACK_S: seconds, else the defaults. */
export function readJobBudgets(env: NodeJS.ProcessEnv): JobBudgets {
  const budget = (type: keyof JobBudgets): JobBudget => {
    const source = `JOB_TIMEOUT_${type.toUpperCase()}_S`;
    const raw = env[source];
    if (raw === undefined || raw === "") return { seconds: DEFAULT_BUDGET_S[type], source };
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds <= 0)
      throw new UsageError(`${source} must be a number of seconds > 0, got "${raw}"`);
    return { seconds, source };
  };
  return { review: budget("review"), command: budget("command"), feedback: budget("feedback") };
}

/** Probot's own settings, checked up front so a missing one is one clear line, not a stack trace. */
export function requireAppEnv(env: NodeJS.ProcessEnv): void {
  const missing = ["APP_ID", "WEBHOOK_SECRET"].filter((k) => !env[k]);
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) missing.push("PRIVATE_KEY or PRIVATE_KEY_PATH");
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(", ")}: set them in the environment or .env (see .env.example)`,
    );
  }
  // Probot swallows an unreadable key file and then says only "privateKey option is required".
  if (!env.PRIVATE_KEY && env.PRIVATE_KEY_PATH && !existsSync(resolve(env.PRIVATE_KEY_PATH))) {
    throw new UsageError(
      `PRIVATE_KEY_PATH=${env.PRIVATE_KEY_PATH} does not exist: point it at the app's .pem file (or set PRIVATE_KEY)`,
    );
  }
}

function wholeNumber(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${key} must be a whole number >= 0, got "${raw}"`);
  return n;
}
