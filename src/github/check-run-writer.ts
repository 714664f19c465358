import { chunkAnnotations } from "./chunk-annotations.js";
import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, PlannedAnnotation, RepoRef } from "./types.js";

export const CHECK_NAME = "java-judge";

// Check-run buttons: label <= 20 characters, description <= 40, identifier <= 20 (checks API limits).
export const CHECK_ACTIONS = [
  { label: "Re-run", description: "Review this pull request again", identifier: "rerun" },
  { label: "Suggest fixes", description: "Suggest code for the flagged methods", identifier: "suggest" },
];

export interface CheckCompletion {
  conclusion: "success" | "neutral" | "failure" | "cancelled" | "skipped";
  title: string;
  summary: string;
  annotations?: PlannedAnnotation[];
  withActions?: boolean;
}

export interface CheckRunWriter {
  readonly id: number;
  progress(title: string, summary: string): Promise<void>;
  complete(c: CheckCompletion): Promise<void>;
}

/**
 * Creates (or, for a re-run or a retried job, takes over) the `java-judge` check run of a head sha.
 * A retried job reuses the run its earlier attempt created, so the PR never shows two.
 */
export async function openCheckRun(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  headSha: string;
  checkRunId?: number | undefined;
  reuseExisting: boolean;
  now: () => Date;
}): Promise<CheckRunWriter> {
  const { octokit, repo, headSha, now } = params;
  let id = params.checkRunId;
  try {
    if (id === undefined && params.reuseExisting) {
      const { data } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: headSha,
        check_name: CHECK_NAME,
      });
      id = data.check_runs.find((r) => r.status !== "completed")?.id;
    }
    if (id === undefined) {
      const { data } = await octokit.rest.checks.create({
        ...repo,
        name: CHECK_NAME,
        head_sha: headSha,
        status: "queued",
      });
      id = data.id;
    }
  } catch (error) {
    throw toRetryableError(error, "creating the check run");
  }
  const checkRunId = id;
  const update = async (body: Record<string, unknown>, what: string) => {
    try {
      await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, ...body });
    } catch (error) {
      throw toRetryableError(error, what);
    }
  };
  return {
    id: checkRunId,
    progress: (title, summary) =>
      update(
        { status: "in_progress", started_at: now().toISOString(), output: { title, summary } },
        "updating the check run",
      ),
    async complete(c) {
      const chunks = chunkAnnotations(c.annotations ?? []);
      const output = { title: c.title, summary: c.summary };
      await update(
        {
          status: "completed",
          conclusion: c.conclusion,
          completed_at: now().toISOString(),
          output: { ...output, ...(chunks[0] ? { annotations: chunks[0] } : {}) },
          ...(c.withActions ? { actions: CHECK_ACTIONS } : {}),
        },
        "completing the check run",
      );
      // Each further update appends its annotations to the run's (50 per request).
      for (const chunk of chunks.slice(1)) {
        await update({ output: { ...output, annotations: chunk } }, "adding check-run annotations");
      }
    },
  };
}
