import { UsageError } from "../errors.js";

/** GitHub Actions gives no installation: its jobs authenticate with the job's token instead. */
export const ACTION_INSTALLATION_ID = 0;

export type ActionEventDecision =
  | { kind: "deliver"; name: string; payload: Record<string, unknown> }
  | { kind: "unsupported"; notice: string };

/** Which payload key each supported event must carry (a file without it is not that event's payload). */
const REQUIRED_KEY: Record<string, string> = {
  pull_request: "pull_request",
  issue_comment: "comment",
  pull_request_review_comment: "comment",
};

/**
 * Turns the workflow's event into the webhook the app's handlers take. `pull_request_target` carries the
 * same payload as `pull_request` (it differs only in the workflow's token and checkout), so it is delivered
 * under that name. Any other event is not an error: a workflow may list more triggers than java-judge uses,
 * and neither is a fork's PR under `pull_request`, whose token cannot post (a notice says what to do).
 */
export function decideActionEvent(p: {
  eventName: string;
  payload: Record<string, unknown>;
  repository: string;
}): ActionEventDecision {
  const name = p.eventName === "pull_request_target" ? "pull_request" : p.eventName;
  const key = REQUIRED_KEY[name];
  if (key === undefined) {
    return {
      kind: "unsupported",
      notice: `event "${p.eventName}" is not one java-judge handles (pull_request, pull_request_target, issue_comment, pull_request_review_comment): nothing to do`,
    };
  }
  if (!isObject(p.payload[key])) {
    throw new UsageError(`the event file is not a ${p.eventName} payload: it has no "${key}" object`);
  }
  const repository = p.payload.repository;
  const fullName = isObject(repository) ? repository.full_name : undefined;
  if (typeof fullName !== "string") {
    throw new UsageError(`the event file is not a ${p.eventName} payload: it has no repository.full_name`);
  }
  if (fullName.toLowerCase() !== p.repository.toLowerCase()) {
    throw new UsageError(
      `the event file is for ${fullName} but GITHUB_REPOSITORY is ${p.repository}: pass the event of this job`,
    );
  }
  if (p.eventName !== "pull_request_target" && isFromFork(p.payload.pull_request)) {
    return {
      kind: "unsupported",
      notice: `${p.eventName} from a fork: GitHub gives this job a read-only token, so nothing can be posted; trigger java-judge on pull_request_target instead (docs/action.md)`,
    };
  }
  const payload = isObject(p.payload.installation)
    ? p.payload
    : { ...p.payload, installation: { id: ACTION_INSTALLATION_ID } };
  return { kind: "deliver", name, payload };
}

/** A fork's PR under `pull_request` (or a review comment on one) runs with a read-only token. */
function isFromFork(pr: unknown): boolean {
  if (!isObject(pr) || !isObject(pr.head) || !isObject(pr.base) || !isObject(pr.base.repo)) return false;
  const head = isObject(pr.head.repo) ? pr.head.repo.full_name : null;
  return head !== pr.base.repo.full_name;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
