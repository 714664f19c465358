import { type JobBudgets, readJobBudgets } from "../config/read-server-env.js";
import { UsageError } from "../errors.js";

/** What `java-judge action` reads from the environment a GitHub Actions job provides. */
export interface ActionEnv {
  eventName: string;
  eventPath: string;
  token: string;
  /** GITHUB_REPOSITORY, split. */
  owner: string;
  repo: string;
  apiUrl: string;
  judgeModel: string;
  generatorModel: string | undefined;
  /** The `config` input: YAML merged over the repository's `.github/java-judge.yml`; "" when not given. */
  configOverrides: string;
  /** DATABASE_URL (score cache, comment records); undefined: a temporary SQLite file for this job. */
  databaseUrl: string | undefined;
  /** Names the delivery of this event (GitHub Actions gives no delivery id). */
  deliveryId: string;
  /** JOB_TIMEOUT_*_S: each job's time budget, as on a server. */
  jobBudgets: JobBudgets;
}

/**
 * Reads GITHUB_* and the action's inputs. Inputs come as INPUT_<NAME> where the runner keeps the input's
 * hyphens (`INPUT_JUDGE-MODEL`, as a node action sees them); a composite action's step passes them with
 * underscores (`INPUT_JUDGE_MODEL`): both are read. A plain JUDGE_MODEL / GENERATOR_MODEL works too.
 */
export function readActionEnv(env: NodeJS.ProcessEnv): ActionEnv {
  const token = env.GITHUB_TOKEN || input(env, "github-token");
  const missing = [
    ...(env.GITHUB_EVENT_NAME ? [] : ["GITHUB_EVENT_NAME"]),
    ...(env.GITHUB_EVENT_PATH ? [] : ["GITHUB_EVENT_PATH"]),
    ...(env.GITHUB_REPOSITORY ? [] : ["GITHUB_REPOSITORY"]),
  ];
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(", ")}: \`java-judge action\` runs inside a GitHub Actions job, which sets them (run \`java-judge serve\` for the app)`,
    );
  }
  if (!token) {
    throw new UsageError(
      "missing GITHUB_TOKEN: pass the job's token to the step (the github-token input, or env GITHUB_TOKEN set to github.token)",
    );
  }
  const [owner, repo, ...rest] = String(env.GITHUB_REPOSITORY).split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new UsageError(`GITHUB_REPOSITORY must be OWNER/REPO, got "${env.GITHUB_REPOSITORY}"`);
  }
  const judgeModel = input(env, "judge-model") || env.JUDGE_MODEL || "";
  if (!judgeModel) {
    throw new UsageError(
      "missing the judge-model input: a GGUF path on the runner or a name from models/models.json (or set JUDGE_MODEL)",
    );
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(apiUrl)) {
    throw new UsageError(`GITHUB_API_URL must be an http(s) URL, got "${env.GITHUB_API_URL}"`);
  }
  const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT || "1"}` : `${Date.now()}`;
  return {
    eventName: String(env.GITHUB_EVENT_NAME),
    eventPath: String(env.GITHUB_EVENT_PATH),
    token,
    owner,
    repo,
    apiUrl,
    judgeModel,
    generatorModel: input(env, "generator-model") || env.GENERATOR_MODEL || undefined,
    configOverrides: input(env, "config"),
    databaseUrl: input(env, "database-url") || env.DATABASE_URL || undefined,
    deliveryId: `actions-${run}-${env.GITHUB_JOB || "job"}`,
    jobBudgets: readJobBudgets(env),
  };
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  const upper = name.toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replaceAll("-", "_")}`] ?? "").trim();
}
