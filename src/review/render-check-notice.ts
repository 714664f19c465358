/** Title and summary of a check run that ends without a method table. */
export interface CheckNotice {
  conclusion: "success" | "neutral" | "failure" | "cancelled" | "skipped";
  title: string;
  summary: string;
}

export function renderNoJavaNotice(skipped: { path: string; reason: string }[]): CheckNotice {
  const excluded = skipped.filter((f) => f.reason !== "not a .java file");
  const lines = ["This pull request changes no Java file that the repository config selects for review."];
  if (excluded.length > 0) {
    lines.push("", "Java files left out:", ...excluded.map((f) => `- \`${f.path}\`: ${f.reason}`));
  }
  return { conclusion: "success", title: "No Java changes to review", summary: lines.join("\n") };
}

export function renderNoChangedMethodsNotice(files: number): CheckNotice {
  return {
    conclusion: "success",
    title: "No changed methods",
    summary: `${files} Java ${files === 1 ? "file" : "files"} changed, but no method or constructor was added or modified (Javadoc-only edits and moves do not count).`,
  };
}

export function renderInvalidConfigNotice(error: string): CheckNotice {
  return {
    conclusion: "failure",
    title: "Invalid .github/java-judge.yml",
    summary: `${error}\n\nFix the file on the default branch (see the [configuration reference](https://github.com/java-judge/java-judge/blob/main/docs/config.md)), then press "Re-run".`,
  };
}

export function renderJudgeUnavailableNotice(reason: string): CheckNotice {
  return {
    conclusion: "neutral",
    title: "Judge model unavailable: not reviewed",
    summary: `The judge model could not score this pull request, so nothing was reviewed (this is not a pass).\n\n${reason}`,
  };
}

export function renderDisabledNotice(): CheckNotice {
  return {
    conclusion: "skipped",
    title: "Disabled by the repository config",
    summary: "`enabled: false` in `.github/java-judge.yml`.",
  };
}

export function renderDraftNotice(): CheckNotice {
  return {
    conclusion: "skipped",
    title: "Draft pull request: not reviewed",
    summary:
      "Drafts are reviewed when marked ready, or always with `drafts: true` in `.github/java-judge.yml`.",
  };
}

export function renderSupersededNotice(sha: string): CheckNotice {
  return {
    conclusion: "cancelled",
    title: `Superseded by ${sha.slice(0, 7)}`,
    summary: `A newer push (${sha}) is reviewed instead.`,
  };
}

/** The review ran past its time budget (`budget` as describeJobBudget writes it). */
export function renderTimedOutNotice(p: {
  budget: string;
  /** How far the judge got; null when it had not started. */
  scored: { done: number; total: number } | null;
}): CheckNotice {
  const what = p.scored
    ? `The judge did not finish in ${p.budget}; ${p.scored.done} of ${p.scored.total} methods were scored.`
    : `The review did not finish in ${p.budget}; it stopped before the judge scored any method.`;
  return {
    conclusion: "failure",
    title: "Review timed out",
    summary: `${what} Nothing was posted: a partial review would read as if the other methods had passed (this is not a pass).`,
  };
}
