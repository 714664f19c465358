import { existsSync } from "node:fs";
import { UsageError } from "../errors.js";

/**
 * Loads `.env` into process.env, as Probot's own runner does, so that `npm start` after filling in `.env`
 * (README) works. A variable already set in the environment wins over the file (Node's loadEnvFile).
 */
export function loadDotEnv(path = ".env"): void {
  if (!existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`cannot read ${path}: ${why}; fix or remove the file (see .env.example)`);
  }
}
