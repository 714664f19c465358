import { mergeConfig } from "./merge-config.js";
import { CONFIG_PATH, type ParseRepoConfigResult, parseRepoConfig } from "./parse-repo-config.js";

/** The slice of a Probot Octokit this needs: @probot/octokit-plugin-config's `config.get`. */
export interface ConfigReader {
  config: {
    get(options: {
      owner: string;
      repo: string;
      path: string;
      defaults?: (configs: Record<string, unknown>[]) => Record<string, unknown>;
    }): Promise<{ config: Record<string, unknown>; files: { config: unknown }[] }>;
  };
}

/**
 * Reads `.github/java-judge.yml` from the default branch (the plugin never reads a PR's branch, so a PR
 * cannot change its own review rules), following `_extends`, and validates it. Like `context.config`,
 * the files are merged deeply, a later (the repository's own) file winning; arrays are replaced, not joined,
 * so a repo's `paths.include` overrides the org's.
 */
export async function loadRepoConfig(
  octokit: ConfigReader,
  repo: { owner: string; repo: string },
): Promise<ParseRepoConfigResult> {
  let merged: Record<string, unknown>;
  try {
    const { config } = await octokit.config.get({
      ...repo,
      path: CONFIG_PATH,
      defaults: (configs) => configs.reduce(mergeConfig, {}),
    });
    merged = config;
  } catch (error) {
    const status = (error as { status?: number }).status;
    // Network and server failures are not the repository's fault: let the job retry them.
    if (typeof status === "number" && status !== 404) throw error;
    const message = error instanceof Error ? error.message.replace(/^\[[^\]]+\]\s*/, "") : String(error);
    return { ok: false, error: `${CONFIG_PATH}: ${message.split("\n")[0]}` };
  }
  return parseRepoConfig(merged);
}
