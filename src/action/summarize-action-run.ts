import type { ActionRunResult } from "./run-action-event.js";

export interface ActionRunSummary {
  /** Lines for the job's log (GitHub Actions shows `::notice::` lines as annotations of the run). */
  lines: string[];
  /** Set when the step must fail (exit 1): one line saying what failed and where to look. */
  failure?: string;
}

/**
 * Exit 0 whenever the event was handled, whatever the verdicts: the check run carries them, and a red
 * workflow step for a flagged method would block merging twice. The step fails only when java-judge
 * itself could not do its job: a job failed, the repository's config is invalid, or the judge did not load.
 */
export function summarizeActionRun(result: ActionRunResult): ActionRunSummary {
  if (result.kind === "unsupported") return { lines: [`::notice::java-judge: ${result.notice}`] };
  const lines = result.jobs.map((j) =>
    j.outcome === "skipped"
      ? `java-judge: ${j.job.type} job skipped (not run in Action mode)`
      : `java-judge: ${j.job.type} job ${j.outcome}${j.attempts > 1 ? ` after ${j.attempts} attempts` : ""}`,
  );
  if (result.jobs.every((j) => j.outcome === "skipped")) {
    return { lines: [...lines, `::notice::java-judge: ${result.event}: nothing to do for this event`] };
  }
  lines.push(...result.reviews.map((r) => `java-judge: review: ${r}`));
  lines.push(...result.commands.map((r) => `java-judge: command: ${r}`));
  const failed = result.jobs.find((j) => j.outcome === "failed");
  if (failed) return { lines, failure: `${failed.job.type} job failed: ${failed.error ?? "unknown error"}` };
  if (result.reviews.includes("invalid-config")) {
    return {
      lines,
      failure: "the repository's .github/java-judge.yml is invalid: the java-judge check run says which key",
    };
  }
  if (result.reviews.includes("judge-unavailable")) {
    return {
      lines,
      failure: `the judge model could not be loaded${result.judgeError ? `: ${result.judgeError}` : ""}; check the judge-model input`,
    };
  }
  return { lines };
}
