import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const index = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

export const OWNER = "acme";
export const REPO = "shop";
export const INSTALLATION = 4242;
export const PR = 7;
export const BASE_SHA = "b".repeat(40);

/** A real example payload of @octokit/webhooks-examples, pointed at our test repository and PR. */
export function examplePayload(name: string, action: string): Record<string, any> {
  const example = index.find((e) => e.name === name)?.examples.find((x) => x.action === action);
  if (!example) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  const payload = structuredClone(example) as Record<string, any>;
  payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  payload.repository.name = REPO;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.owner.login = OWNER;
  return payload;
}

export function pullRequestPayload(action: string, headSha: string, over: { draft?: boolean } = {}) {
  const p = examplePayload("pull_request", action);
  p.number = PR;
  p.pull_request.number = PR;
  p.pull_request.state = "open";
  p.pull_request.draft = over.draft ?? false;
  p.pull_request.head.sha = headSha;
  p.pull_request.base.sha = BASE_SHA;
  return p;
}

export function checkRunPayload(action: string, checkRunId: number, headSha: string) {
  const p = examplePayload("check_run", action);
  p.check_run.id = checkRunId;
  p.check_run.name = "java-judge";
  p.check_run.head_sha = headSha;
  p.check_run.pull_requests = [
    {
      number: PR,
      url: "",
      id: 1,
      head: { ref: "f", sha: headSha, repo: {} },
      base: { ref: "main", sha: BASE_SHA, repo: {} },
    },
  ];
  return p;
}
