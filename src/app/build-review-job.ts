import { CHECK_NAME } from "../github/check-run-writer.js";
import type { JobInput } from "../queue/types.js";
import { REVIEW_JOB, type ReviewJobPayload, reviewSupersedeKey } from "../review/review-job-payload.js";

interface PullRequestEvent {
  action: string;
  installation?: { id: number } | null | undefined;
  repository: { name: string; owner: { login: string } };
  pull_request: {
    number: number;
    state: string;
    draft?: boolean | undefined;
    head: { sha: string };
    base: { sha: string };
  };
}

interface CheckRunEvent {
  action: string;
  installation?: { id: number } | null | undefined;
  repository: { name: string; owner: { login: string } };
  requested_action?: { identifier?: string } | null | undefined;
  check_run: {
    id: number;
    name: string;
    head_sha: string;
    pull_requests: { number: number; base: { sha: string }; head: { sha: string } }[];
  };
}

export type BuiltJob = { job: JobInput } | { skip: string };

/**
 * The pull request a check run belongs to: the one whose head is the run's sha, else the first listed.
 * GitHub lists only same-repository PRs here; a fork's PR is re-reviewed by a push or /judge.
 */
export function pullRequestOfCheckRun<P extends { head: { sha: string } }>(run: {
  head_sha: string;
  pull_requests: P[];
}): P | undefined {
  return run.pull_requests.find((p) => p.head.sha === run.head_sha) ?? run.pull_requests[0];
}

/** A pull_request event -> the review job, from the payload alone (no API call: the ack must not wait). */
export function buildReviewJobFromPullRequest(deliveryId: string, e: PullRequestEvent): BuiltJob {
  const pr = e.pull_request;
  if (!e.installation) return { skip: "no installation in the payload" };
  if (pr.state !== "open") return { skip: `pull request is ${pr.state}` };
  // A draft is enqueued anyway: only the job can read the repo config (`drafts: true`).
  return withPayload(deliveryId, {
    installationId: e.installation.id,
    owner: e.repository.owner.login,
    repo: e.repository.name,
    pullNumber: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    draft: pr.draft === true,
    reason: e.action,
    explicit: false,
  });
}

/** check_run rerequested / requested_action "rerun" on our own check run -> a review job. */
export function buildReviewJobFromCheckRun(deliveryId: string, e: CheckRunEvent): BuiltJob {
  const run = e.check_run;
  if (!e.installation) return { skip: "no installation in the payload" };
  if (run.name !== CHECK_NAME) return { skip: `check run ${run.name} is not ours` };
  if (e.action === "requested_action" && e.requested_action?.identifier !== "rerun") {
    return { skip: `action ${e.requested_action?.identifier ?? "(none)"} is not a re-run` };
  }
  const pr = pullRequestOfCheckRun(run);
  if (!pr) return { skip: "the check run belongs to no pull request of this repository" };
  return withPayload(deliveryId, {
    installationId: e.installation.id,
    owner: e.repository.owner.login,
    repo: e.repository.name,
    pullNumber: pr.number,
    headSha: run.head_sha,
    baseSha: pr.base.sha,
    draft: false,
    reason: e.action,
    explicit: true,
    // Re-run takes over the same check run; a button press starts a fresh one (the old keeps its history).
    ...(e.action === "rerequested" ? { checkRunId: run.id } : {}),
  });
}

function withPayload(deliveryId: string, payload: ReviewJobPayload): BuiltJob {
  return {
    job: {
      type: REVIEW_JOB,
      deliveryId,
      supersedeKey: reviewSupersedeKey(payload),
      payload: payload as unknown as Record<string, unknown>,
    },
  };
}
