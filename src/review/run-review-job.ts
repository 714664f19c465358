import { loadRepoConfig } from "../config/load-repo-config.js";
import { describeError } from "../errors.js";
import { type CheckRunWriter, openCheckRun } from "../github/check-run-writer.js";
import { findMergeBase } from "../github/find-merge-base.js";
import { listPullFiles } from "../github/list-pull-files.js";
import { renderFileUrl } from "../github/render-file-url.js";
import { toRetryableError } from "../github/to-retryable-error.js";
import type { GitHubClient } from "../github/types.js";
import type { Judge, JudgeStats, ScoreProgress } from "../judge/types.js";
import { describeJobBudget } from "../queue/describe-job-budget.js";
import { type JobDeadline, JobTimeoutError, type Queue, RetryableError } from "../queue/types.js";
import type { Store } from "../store/types.js";
import { collectChangedMethods, type MethodExtractor } from "./collect-changed-methods.js";
import { decideConclusion } from "./decide-conclusion.js";
import { enqueueAutoSuggestions } from "./enqueue-auto-suggestions.js";
import { explainFindings } from "./explain-findings.js";
import { judgeInSlices, TurnYielded } from "./judge-in-slices.js";
import { judgeMethods } from "./judge-methods.js";
import { publishReview } from "./publish-review.js";
import * as notice from "./render-check-notice.js";
import { renderCheckSummary, renderCheckTitle } from "./render-check-summary.js";
import type { ReviewJobPayload } from "./review-job-payload.js";
import type { MethodOutcome } from "./types.js";

export interface ReviewJobDeps {
  octokit: GitHubClient;
  /** The (cached) judge; rejects when the model cannot be loaded. */
  getJudge: () => Promise<Judge>;
  store: Store;
  javaParser: MethodExtractor;
  clock: { now(): Date };
  log: { info(msg: string): void; warn(msg: string): void };
  /** Where `suggestions.mode: auto` enqueues its regenerations; without it, auto mode suggests nothing. */
  queue?: Pick<Queue, "enqueue">;
  /** Told what was judged (metrics). */
  onJudged?: (outcomes: MethodOutcome[], stats: JudgeStats) => void;
}

export interface ReviewJobControl {
  attempt: number;
  /** No retry follows: a retryable failure is reported in the check run as final. */
  lastAttempt?: boolean;
  /** Is a newer job (push) of this PR waiting? */
  isSuperseded(): Promise<boolean>;
  /** The job's time budget: it stops the judge; the repo config may shorten it. */
  deadline?: JobDeadline;
  /** Judging in slices, giving the worker up between them while other reviews wait (fair under load). */
  turns?: ReviewTurns;
}

export interface ReviewTurns {
  /** Methods judged (not found in the score cache) per slice. */
  sliceMethods: number;
  /** The check run an earlier turn of this job opened; undefined on the first turn. */
  checkRunId: number | undefined;
  othersWaiting(): Promise<boolean>;
  /** Back to the queue after this turn; the next one takes over `checkRunId`. */
  yield(state: { checkRunId: number }): void;
}

export type ReviewJobResult =
  | "reviewed"
  | "superseded"
  | "skipped"
  | "invalid-config"
  | "judge-unavailable"
  | "no-java"
  /** Judged a slice and gave the worker up to other reviews; the job continues in a later turn. */
  | "continuing";

const PROGRESS_EVERY_MS = 5_000;
/** Up to this many changed methods, the check run gets no "scored 0 / N" before its result (one slice's worth). */
export const ONE_GO_METHODS = 4;

/** The review of one head sha of one PR, as the numbered steps of DESIGN.md ("Pipeline of one review job"). */
export async function runReviewJob(
  job: ReviewJobPayload,
  ctl: ReviewJobControl,
  deps: ReviewJobDeps,
): Promise<ReviewJobResult> {
  const { octokit, clock } = deps;
  const repo = { owner: job.owner, repo: job.repo };
  const now = () => clock.now();
  const started = clock.now().getTime();
  // How far the judge got, for the check run when the budget runs out.
  let scored: ScoreProgress | null = null;

  // 1. The check run: created `queued` (or taken over on a re-run or retry), then `in_progress`.
  const opened = await openCheckRun({
    octokit,
    repo,
    headSha: job.headSha,
    checkRunId: job.checkRunId ?? ctl.turns?.checkRunId,
    reuseExisting: ctl.attempt > 1,
    now,
  });
  // A later turn: the check run says where the last one stopped (GitHub allows an installation ~1 write/s,
  // so a turn writes it only when it yields or ends); superseded while it waited, it only closes the run.
  const resumed = ctl.turns?.checkRunId !== undefined;
  // The `in_progress` write waits its turn in that pacing while the review reads and judges; the run's later
  // writes go after it. Like every progress write it is best effort: the completion is what must land.
  const starting = resumed
    ? Promise.resolve()
    : opened.progress("Reading the repository config", "Starting the review.").catch(() => {});
  const check: CheckRunWriter = {
    id: opened.id,
    progress: (title, summary) => starting.then(() => opened.progress(title, summary)),
    complete: (c) => starting.then(() => opened.complete(c)),
  };
  try {
    if (resumed && (await superseded(ctl, octokit, job))) return "superseded";

    // 1b. The repo config (default branch, `_extends`): an invalid file fails the check run naming the key.
    const loaded = await loadRepoConfig(octokit, repo);
    if (!loaded.ok) return finish(check, notice.renderInvalidConfigNotice(loaded.error), "invalid-config");
    const config = loaded.config;
    ctl.deadline?.limit(config.limits.review_timeout_s, "limits.review_timeout_s");
    if (!config.enabled) return finish(check, notice.renderDisabledNotice(), "skipped");
    if (job.draft && !job.explicit && !config.drafts)
      return finish(check, notice.renderDraftNotice(), "skipped");

    // 1c. The PR's files (paginated; GitHub stops at 3000), compared with the merge base like the PR's diff.
    const files = await listPullFiles(octokit, repo, job.pullNumber);
    const baseSha = await findMergeBase(octokit, repo, job.baseSha, job.headSha);

    // 2-3. Base and head contents of each selected file; the changed methods.
    const changes = await collectChangedMethods({
      octokit,
      repo,
      files,
      baseSha,
      headSha: job.headSha,
      config,
      parser: deps.javaParser,
    });
    if (changes.reviewedFiles === 0 && changes.skippedFiles.length === 0) {
      return finish(check, notice.renderNoJavaNotice(changes.excludedFiles), "no-java");
    }
    if (changes.methods.length === 0 && changes.skippedFiles.length === 0) {
      return finish(check, notice.renderNoChangedMethodsNotice(changes.reviewedFiles), "no-java");
    }
    if (await superseded(ctl, octokit, job)) return "superseded";

    // 4-6. Skips with reasons, scores (cached), findings.
    let judge: Judge;
    try {
      judge = await deps.getJudge();
    } catch (error) {
      return finish(check, notice.renderJudgeUnavailableNotice(describeError(error)), "judge-unavailable");
    }
    const before = judge.stats();
    const total = changes.methods.length;
    // A review of a few methods goes from "Reading…" to its result: GitHub paces an installation's writes ~1/s,
    // so an up-front "scored 0 / 2" would cost every small review a second of its worker (BENCHMARKS.md).
    if (!resumed && total > ONE_GO_METHODS)
      await check.progress(`Scoring ${total} changed methods`, `scored 0 / ${total} methods`);
    let lastProgress = clock.now().getTime();
    const pending: Promise<void>[] = [];
    const turns = ctl.turns;
    const sliced = turns
      ? judgeInSlices(judge, { sliceMethods: turns.sliceMethods, shouldYield: () => turns.othersWaiting() })
      : judge;
    const outcomes = await judgeMethods({
      methods: changes.methods,
      judge: sliced,
      config,
      ...(ctl.deadline ? { signal: ctl.deadline.signal } : {}),
      onProgress: ({ done, total: n }) => {
        scored = { done, total: n };
        const t = clock.now().getTime();
        if (t - lastProgress < PROGRESS_EVERY_MS || done === n) return;
        lastProgress = t;
        pending.push(
          check.progress(`Scoring ${n} changed methods`, `scored ${done} / ${n} methods`).catch(() => {}),
        );
      },
    }).catch(async (error: unknown) => {
      if (!(error instanceof TurnYielded && turns)) throw error;
      await Promise.all(pending);
      const { done, total: n } = error.progress;
      await check.progress(
        `Scoring ${n} changed methods: waiting behind other work`,
        `scored ${done} / ${n} methods; other pull requests take their turn, then this review goes on.`,
      );
      turns.yield({ checkRunId: check.id });
      return null;
    });
    if (outcomes === null) return "continuing";
    await Promise.all(pending);
    const stats = diffStats(before, judge.stats());
    deps.onJudged?.(outcomes, stats);

    // 6b. Where it doubts: the lines behind each flagged method's score; never fails the review (explain-findings.ts).
    const explainStarted = judge.stats();
    const explained = await explainFindings({
      outcomes,
      methods: changes.methods,
      judge,
      config,
      ...(ctl.deadline ? { deadline: ctl.deadline } : {}),
    });
    const explainStats = diffStats(explainStarted, judge.stats());
    const apiBaseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl);
    for (const o of outcomes)
      if (o.explanation) o.fileUrl = renderFileUrl({ apiBaseUrl, ...repo, sha: job.headSha, path: o.path });

    // 8. Before posting: is the PR's head still this job's sha?
    if (await superseded(ctl, octokit, job)) return "superseded";

    // 7 + 9. Comments, annotations, threads; then the completed check run with the table.
    const published = await publishReview({
      octokit,
      store: deps.store,
      repo,
      pullNumber: job.pullNumber,
      headSha: job.headSha,
      outcomes,
      patches: changes.patches,
      config,
      now,
    });
    if (deps.queue) {
      await enqueueAutoSuggestions({ queue: deps.queue, job, config, newlyFlagged: published.newlyFlagged });
    }
    const partial = changes.skippedFiles.length > 0 || published.refused.length > 0;
    await check.complete({
      conclusion: decideConclusion({ outcomes, whenFlagged: config.check.conclusion_when_flagged, partial }),
      title: renderCheckTitle(outcomes),
      summary: renderCheckSummary({
        outcomes,
        skippedFiles: changes.skippedFiles,
        threshold: config.threshold,
        models: judge.models,
        promptTokens: stats.promptTokens,
        evaluatedTokens: stats.evaluatedTokens,
        seconds: (clock.now().getTime() - started) / 1000,
        inlineComments: published.inlineComments,
        annotations: published.annotations.length,
        refused: published.refused,
        explain: {
          methods: explained.explained,
          evaluatedTokens: explainStats.evaluatedTokens,
          promptTokens: explainStats.promptTokens,
          seconds: explained.seconds,
          note: explained.note,
          minDelta: config.explain.min_delta,
        },
      }),
      annotations: published.annotations,
      withActions: true,
    });
    deps.log.info(
      `reviewed ${repo.owner}/${repo.repo}#${job.pullNumber} at ${job.headSha.slice(0, 7)}: ${renderCheckTitle(outcomes)}`,
    );
    return "reviewed";
  } catch (error) {
    // Past the budget: say so and fail the job (JobTimeoutError is fatal: a retry would only run out again).
    if (error instanceof JobTimeoutError) {
      const timedOut = notice.renderTimedOutNotice({ budget: describeJobBudget(error.budget), scored });
      await check.complete({ ...timedOut, withActions: true }).catch(() => {});
      throw error;
    }
    // Retryable: leave the check run in progress; the queue runs the job again and takes the run over.
    if (error instanceof RetryableError && !ctl.lastAttempt) throw error;
    const final =
      error instanceof RetryableError ? ` (after ${ctl.attempt} attempts; push again or press Re-run)` : "";
    await check
      .complete({
        conclusion: "failure",
        title: "Review failed",
        summary: `The review failed: ${describeError(error)}${final}`,
        withActions: true,
      })
      .catch(() => {});
    throw error;
  }

  async function superseded(c: ReviewJobControl, o: GitHubClient, j: ReviewJobPayload): Promise<boolean> {
    const newerQueued = await c.isSuperseded();
    let head = j.headSha;
    try {
      const { data } = await o.rest.pulls.get({ ...repo, pull_number: j.pullNumber });
      head = data.head.sha;
    } catch (error) {
      throw toRetryableError(error, "re-reading the pull request's head");
    }
    if (head === j.headSha && !newerQueued) return false;
    await check.complete(notice.renderSupersededNotice(head));
    return true;
  }
}

async function finish(
  check: CheckRunWriter,
  n: notice.CheckNotice,
  result: ReviewJobResult,
): Promise<ReviewJobResult> {
  await check.complete({ ...n, withActions: n.conclusion === "failure" });
  return result;
}

function diffStats(a: JudgeStats, b: JudgeStats): JudgeStats {
  return {
    promptTokens: b.promptTokens - a.promptTokens,
    evaluatedTokens: b.evaluatedTokens - a.evaluatedTokens,
    evaluations: b.evaluations - a.evaluations,
    seconds: b.seconds - a.seconds,
  };
}
