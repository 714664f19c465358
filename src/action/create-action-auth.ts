import type { Probot } from "probot";
import type { GitHubClient } from "../github/types.js";
import { mergeConfigOverrides } from "./parse-config-overrides.js";

type Auth = Pick<Probot, "auth">;

/**
 * `probot.auth` for an Actions job: every job gets the one client on the job's token (there is no
 * installation to ask a token for), adapted to Action mode:
 * - check-run buttons are dropped: a button press sends `check_run.requested_action` to the app that made
 *   the run, and a workflow cannot be triggered by it, so the buttons would do nothing;
 * - the action's `config` input is merged over the repository's `.github/java-judge.yml`.
 */
export function createActionAuth(p: { probot: Auth; configOverrides: Record<string, unknown> }): Auth {
  let client: Promise<GitHubClient> | undefined;
  const auth = () => {
    client ??= p.probot.auth().then((octokit) => adapt(octokit as GitHubClient, p.configOverrides));
    return client;
  };
  return { auth } as unknown as Auth;
}

function adapt(octokit: GitHubClient, overrides: Record<string, unknown>): GitHubClient {
  octokit.hook.before("request", (options) => {
    if (String(options.url).includes("/check-runs") && "actions" in options) delete options.actions;
  });
  if (Object.keys(overrides).length > 0) {
    const get = octokit.config.get.bind(octokit.config);
    octokit.config.get = (async (options: Parameters<typeof get>[0]) => {
      const result = await get(options);
      return { ...result, config: mergeConfigOverrides(result.config, overrides) };
    }) as typeof octokit.config.get;
  }
  return octokit;
}
