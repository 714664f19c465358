import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";

/** The process settings of DESIGN.md ("Interfaces"); Probot reads APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET, GHE_* itself. */
export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string;
  workers: number;
  judgeModel: string | undefined;
  generatorModel: string | undefined;
}

export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  return {
    port: wholeNumber(env, "PORT", 3000),
    host: env.HOST || "localhost",
    databaseUrl: env.DATABASE_URL || "sqlite:./data/java-judge.db",
    workers: wholeNumber(env, "WORKERS", 1),
    judgeModel: env.JUDGE_MODEL || undefined,
    generatorModel: env.GENERATOR_MODEL || undefined,
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
