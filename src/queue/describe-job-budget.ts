import { formatSeconds } from "./format-seconds.js";
import type { JobBudget } from "./types.js";

/** "15 min (`JOB_TIMEOUT_REVIEW_S` on the server)": a budget and where to change it, for check runs and replies. */
export function describeJobBudget(budget: JobBudget): string {
  const where = budget.source.startsWith("limits.")
    ? `\`${budget.source}\` in \`.github/java-judge.yml\``
    : `\`${budget.source}\` on the server`;
  return `${formatSeconds(budget.seconds)} (the budget set by ${where})`;
}
