import type { JobFairness } from "./types.js";

/**
 * A job about a pull request (review, command: their payloads name the installation and the PR) takes its turns
 * in its installation's group and its PR's lane; any other job is a lane of its own in group "".
 */
export function fairnessOf(payload: Record<string, unknown>): JobFairness | undefined {
  const { installationId, owner, repo, pullNumber } = payload;
  if (typeof installationId !== "number") return undefined;
  const lane =
    typeof owner === "string" && typeof repo === "string" && typeof pullNumber === "number"
      ? `${owner}/${repo}#${pullNumber}`
      : `${installationId}`;
  return { group: String(installationId), lane };
}
