import { loadRepoConfig } from "../config/load-repo-config.js";
import { defaultRepoConfig } from "../config/parse-repo-config.js";
import type { CandidateSource, RegenerateTarget } from "../generator/types.js";
import { postCommandReply } from "../github/post-command-reply.js";
import { parseMarker } from "../github/render-marker.js";
import { callGitHub } from "../github/to-retryable-error.js";
import type { GitHubClient, ReplyTarget } from "../github/types.js";
import type { Judge } from "../judge/types.js";
import { FatalJobError, type JobDeadline, type Queue } from "../queue/types.js";
import type { MethodExtractor } from "../review/collect-changed-methods.js";
import type { CommandJobPayload } from "../review/command-job-payload.js";
import { type RegenerateOutcome, regenerate } from "../review/regenerate.js";
import { REVIEW_JOB, type ReviewJobPayload, reviewSupersedeKey } from "../review/review-job-payload.js";
import type { Store } from "../store/types.js";
import { checkPermission } from "./check-permission.js";
import { parseCommand } from "./parse-command.js";
import { renderHelp } from "./render-help.js";

export interface CommandJobDeps {
  octokit: GitHubClient;
  store: Pick<Store, "hit" | "findCommentById">;
  /** The review job a `/judge review` becomes. */
  queue: Pick<Queue, "enqueue">;
  getGenerator: () => Promise<CandidateSource>;
  getJudge: () => Promise<Judge>;
  javaParser: MethodExtractor;
  clock: { now(): Date };
  log: { info(msg: string): void };
  seed?: number;
}

export interface CommandJobControl {
  deliveryId: string;
  attempt: number;
  /** Stops the models: the job superseded, the worker stopping, or the deadline past. */
  signal?: AbortSignal;
  /** The job's time budget; the repo config may shorten it. */
  deadline?: JobDeadline;
}

export type CommandJobResult = "denied" | "help" | "rate-limited" | "review-enqueued" | RegenerateOutcome;

const HOUR = 3600;

/**
 * One `/judge` command: 1. the repo config; 2. the sender's permission (asked of GitHub); 3. help needs
 * no more; 4. the hourly limit per PR; 5. 👀 on the comment; 6. a review job, or the regeneration itself.
 */
export async function runCommandJob(
  job: CommandJobPayload,
  ctl: CommandJobControl,
  deps: CommandJobDeps,
): Promise<CommandJobResult> {
  const { octokit } = deps;
  const repo = { owner: job.owner, repo: job.repo };
  const command = parseCommand(job.commandLine);
  if (!command) throw new FatalJobError(`not a /judge command: ${job.commandLine}`);
  const replyTo: ReplyTarget =
    job.threadRootId === null ? { kind: "issue" } : { kind: "thread", commentId: job.threadRootId };
  const reply = (body: string) =>
    postCommandReply({ octokit, repo, pullNumber: job.pullNumber, to: replyTo, body });

  // 1. An invalid config still lets the permission be checked (by default rules) and the error be told.
  const loaded = await loadRepoConfig(octokit, repo);
  const config = loaded.ok ? loaded.config : defaultRepoConfig();
  ctl.deadline?.limit(config.limits.regenerate_timeout_s, "limits.regenerate_timeout_s");

  // An automatic regeneration was asked for by the config on the default branch, not by a person.
  if (job.source === "auto") {
    if (!loaded.ok || config.suggestions.mode !== "auto") return "off";
    const target = parseCommand(job.commandLine);
    if (target?.kind !== "regenerate" || !target.target)
      throw new FatalJobError(`bad auto job: ${job.commandLine}`);
    return regenerate(
      {
        repo,
        pullNumber: job.pullNumber,
        target: target.target,
        replyTo,
        config,
        ...(ctl.signal ? { signal: ctl.signal } : {}),
      },
      { ...deps, ...(deps.seed === undefined ? {} : { seed: deps.seed }) },
    );
  }

  // 2. Permission.
  const least = config.commands.permission;
  const permission = await checkPermission({ octokit, repo, username: job.sender, least });
  if (!permission.allowed) {
    await reply(
      `@${job.sender} \`/judge\` commands need ${least} permission on this repository${least === "write" ? " (write, maintain or admin)" : " or higher"}; you have ${permission.role}.`,
    );
    return "denied";
  }

  // 3. Help, and anything unknown.
  if (command.kind === "help" || command.kind === "unknown") {
    if (command.kind === "help") await react(deps, job);
    await reply(renderHelp(command.kind === "unknown" ? command.text : undefined));
    return "help";
  }
  if (!loaded.ok) {
    await reply(`The repository config is invalid, so the command cannot run: ${loaded.error}`);
    return "nothing";
  }

  // 4. The hourly limit; a retried job was counted on its first attempt.
  const limit = config.commands.hourly_limit;
  if (ctl.attempt === 1) {
    const count = await deps.store.hit(
      `commands:${job.owner}/${job.repo}#${job.pullNumber}`,
      HOUR,
      deps.clock.now(),
    );
    if (count > limit) {
      await reply(
        `The limit of ${limit} model commands per hour for this pull request is reached (\`commands.hourly_limit\`); try again later.`,
      );
      return "rate-limited";
    }
  }

  // 5. Accepted.
  if (ctl.attempt === 1) await react(deps, job);

  // 6. Run it.
  if (command.kind === "review") {
    await enqueueReview(job, ctl, deps);
    return "review-enqueued";
  }
  const target = command.target ?? (await targetOfComment(job, deps));
  return regenerate(
    {
      repo,
      pullNumber: job.pullNumber,
      target,
      replyTo,
      config,
      ...(ctl.signal ? { signal: ctl.signal } : {}),
    },
    { ...deps, ...(deps.seed === undefined ? {} : { seed: deps.seed }) },
  );
}

/** `/judge regenerate` without arguments: the thread's method, else the commented line, else every flagged method. */
async function targetOfComment(job: CommandJobPayload, deps: CommandJobDeps): Promise<RegenerateTarget> {
  if (job.threadRootId !== null) {
    const stored = await deps.store.findCommentById(`${job.owner}/${job.repo}`, job.threadRootId);
    if (stored) return { kind: "key", key: stored.methodKey };
    const root = await callGitHub("reading the thread's first comment", () =>
      deps.octokit.rest.pulls.getReviewComment({
        owner: job.owner,
        repo: job.repo,
        comment_id: job.threadRootId!,
      }),
    );
    const marker = root.data.user?.type === "Bot" ? parseMarker(root.data.body) : null;
    if (marker) return { kind: "key", key: marker.methodKey };
  }
  if (job.path !== null && job.line !== null) return { kind: "line", path: job.path, line: job.line };
  return { kind: "flagged" };
}

async function react(deps: CommandJobDeps, job: CommandJobPayload): Promise<void> {
  if (job.commentId === null) return;
  const params = { owner: job.owner, repo: job.repo, comment_id: job.commentId, content: "eyes" as const };
  await callGitHub("reacting to the command", () =>
    job.source === "review_comment"
      ? deps.octokit.rest.reactions.createForPullRequestReviewComment(params)
      : deps.octokit.rest.reactions.createForIssueComment(params),
  );
}

async function enqueueReview(
  job: CommandJobPayload,
  ctl: CommandJobControl,
  deps: CommandJobDeps,
): Promise<void> {
  const { data: pr } = await callGitHub("reading the pull request", () =>
    deps.octokit.rest.pulls.get({ owner: job.owner, repo: job.repo, pull_number: job.pullNumber }),
  );
  const payload: ReviewJobPayload = {
    installationId: job.installationId,
    owner: job.owner,
    repo: job.repo,
    pullNumber: job.pullNumber,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    draft: pr.draft === true,
    reason: "command",
    explicit: true,
  };
  // Derived from the command's delivery id: a retried command job never makes a second review job.
  await deps.queue.enqueue({
    type: REVIEW_JOB,
    deliveryId: `${ctl.deliveryId}:review`,
    supersedeKey: reviewSupersedeKey(payload),
    payload: payload as unknown as Record<string, unknown>,
  });
}
