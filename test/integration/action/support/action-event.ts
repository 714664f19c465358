import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const index = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

export const OWNER = "acme";
export const REPO = "shop";
export const PR = 7;

/** The keys of an example payload the tests point elsewhere; the rest stays as recorded. */
export interface EventPayload extends Record<string, unknown> {
  installation?: unknown;
  number?: number;
  repository: { name: string; full_name: string; owner: { login: string } };
  pull_request: {
    number: number;
    state: string;
    draft: boolean;
    head: { sha: string; repo: { full_name: string } | null };
    base: { sha: string; repo: { full_name: string } };
  };
  issue: { number: number; state: string; pull_request?: unknown };
  comment: { id: number; body: string; user: { login: string; type: string } };
  sender: { login: string; type: string };
}

/**
 * A real @octokit/webhooks-examples payload as GitHub Actions writes it to GITHUB_EVENT_PATH: pointed at our
 * repository, and without `installation` (an Actions job has the job's token, not an app installation).
 */
export function actionEvent(
  name: string,
  action: string | undefined,
  edit: (p: EventPayload) => void = () => {},
): EventPayload {
  const example = index.find((e) => e.name === name)?.examples.find((x) => x.action === action);
  if (!example) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  const payload = structuredClone(example) as EventPayload;
  delete payload.installation;
  payload.repository.name = REPO;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.owner.login = OWNER;
  edit(payload);
  return payload;
}

export function pullRequestEvent(
  action: string,
  p: { headSha: string; baseSha: string; state?: string; headRepo?: string },
) {
  return actionEvent("pull_request", action, (e) => {
    e.number = PR;
    e.pull_request.number = PR;
    e.pull_request.state = p.state ?? "open";
    e.pull_request.draft = false;
    e.pull_request.head.sha = p.headSha;
    e.pull_request.base.sha = p.baseSha;
    e.pull_request.base.repo.full_name = `${OWNER}/${REPO}`;
    if (e.pull_request.head.repo) e.pull_request.head.repo.full_name = p.headRepo ?? `${OWNER}/${REPO}`;
  });
}

let written = 0;

/** A fresh file per call: a test may hold one event's path while writing another. */
export function writeEvent(dir: string, payload: unknown): string {
  written += 1;
  const path = join(dir, `event-${written}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}
