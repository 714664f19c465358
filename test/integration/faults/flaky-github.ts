import nock from "nock";
import { CALC_PATH, makePatch, readJava } from "../support/java-fixtures.js";
import { BASE_SHA, INSTALLATION, OWNER, PR, REPO } from "../support/webhook-payloads.js";

export type Fault =
  | { status: number; body?: Record<string, unknown>; headers?: Record<string, string> }
  /** The connection fails before GitHub acts (no response). */
  | { error: string }
  /** GitHub acts (the write happens), then the connection fails: the caller never learns it worked. */
  | { errorAfterApply: string };

export type Endpoint = "createCheckRun" | "listFiles" | "getContent" | "getPull" | "createReview";

/** What the app sent GitHub; plain JSON. */
export type Sent = Record<string, unknown> & {
  comments?: { body: string; path: string; line: number }[];
  output?: { title?: string; summary?: string; annotations?: { title?: string }[] };
};

export interface PostedComment {
  id: number;
  node_id: string;
  body: string;
  path: string;
  line: number;
  user: { login: string; type: string };
  pull_request_review_id: number;
}

type Reply = nock.ReplyFnResult;
type Callback = (err: NodeJS.ErrnoException | null, result: Reply) => void;

const repoPath = `/repos/${OWNER}/${REPO}`;

/**
 * A stateful stand-in for the GitHub endpoints of one Calc review, where each endpoint answers its queued faults
 * first, then normally. It remembers what was posted, so a retried job sees its own earlier writes (as on GitHub).
 */
export function mockFlakyGitHub(headSha: string, faults: Partial<Record<Endpoint, Fault[]>> = {}) {
  const base = readJava("base");
  const head = readJava("head");
  const state = {
    checkRunCreates: [] as Sent[],
    checkRunUpdates: [] as Sent[],
    reviews: [] as Sent[],
    comments: [] as PostedComment[],
    calls: {} as Partial<Record<Endpoint, number>>,
  };
  const scope = nock("https://api.github.com").persist();
  const serve =
    (endpoint: Endpoint, ok: (body: Sent, uri: string) => Reply) =>
    (uri: string, body: nock.Body, cb: Callback): void => {
      state.calls[endpoint] = (state.calls[endpoint] ?? 0) + 1;
      const fault = faults[endpoint]?.shift();
      const sent = (typeof body === "object" ? body : {}) as Sent;
      if (fault && "error" in fault) cb(networkError(fault.error), [0]);
      else if (fault && "errorAfterApply" in fault) {
        ok(sent, uri);
        cb(networkError(fault.errorAfterApply), [0]);
      } else if (fault)
        cb(null, [fault.status, fault.body ?? { message: `status ${fault.status}` }, fault.headers ?? {}]);
      else cb(null, ok(sent, uri));
    };
  scope
    .post(`/app/installations/${INSTALLATION}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z" });
  scope.post(`${repoPath}/check-runs`).reply(
    serve("createCheckRun", (b) => {
      state.checkRunCreates.push(b);
      return [201, { id: 555 }];
    }),
  );
  scope
    .get(`${repoPath}/commits/${headSha}/check-runs`)
    .query(true)
    .reply(() => {
      const runs = state.checkRunCreates.length > 0 ? [{ id: 555, status: "in_progress" }] : [];
      return [200, { total_count: runs.length, check_runs: runs }];
    });
  scope.patch(`${repoPath}/check-runs/555`).reply((_uri, b) => {
    state.checkRunUpdates.push(b as Sent);
    return [200, { id: 555 }];
  });
  scope.get(`${repoPath}/contents/.github%2Fjava-judge.yml`).query(true).reply(404, { message: "Not Found" });
  scope
    .get(`/repos/${OWNER}/.github/contents/.github%2Fjava-judge.yml`)
    .query(true)
    .reply(404, { message: "Not Found" });
  const listed = [{ filename: CALC_PATH, status: "modified", patch: makePatch(base, head) }];
  scope
    .get(`${repoPath}/pulls/${PR}/files`)
    .query(true)
    .reply(serve("listFiles", () => [200, listed]));
  scope
    .get(`${repoPath}/compare/${BASE_SHA}...${headSha}`)
    .query(true)
    .reply(200, { merge_base_commit: { sha: BASE_SHA } });
  scope
    .get(`${repoPath}/contents/${encodeURIComponent(CALC_PATH)}`)
    .query(true)
    .reply(
      serve("getContent", (_b, uri) => {
        const text =
          new URL(uri, "https://api.github.com").searchParams.get("ref") === BASE_SHA ? base : head;
        const content = Buffer.from(text).toString("base64");
        return [
          200,
          { type: "file", encoding: "base64", size: Buffer.byteLength(text), path: CALC_PATH, content },
        ];
      }),
    );
  scope
    .get(`${repoPath}/pulls/${PR}`)
    .reply(serve("getPull", () => [200, { number: PR, head: { sha: headSha }, base: { sha: BASE_SHA } }]));
  scope
    .get(`${repoPath}/pulls/${PR}/comments`)
    .query(true)
    .reply(() => [200, state.comments]);
  scope
    .get(`${repoPath}/pulls/${PR}/reviews`)
    .query(true)
    .reply(() => [200, []]);
  scope.post(`${repoPath}/pulls/${PR}/reviews`).reply(
    serve("createReview", (b) => {
      const id = 9000 + state.reviews.length;
      state.reviews.push({ id, ...b });
      for (const c of b.comments ?? []) {
        const n = 70000 + state.comments.length;
        const user = { login: "java-judge[bot]", type: "Bot" };
        state.comments.push({ id: n, node_id: `PRRC_${n}`, ...c, user, pull_request_review_id: id });
      }
      return [200, { id }];
    }),
  );
  scope
    .get(new RegExp(`${repoPath}/pulls/${PR}/reviews/\\d+/comments`))
    .query(true)
    .reply((uri) => {
      const id = Number(/reviews\/(\d+)\//.exec(uri)?.[1]);
      return [200, state.comments.filter((c) => c.pull_request_review_id === id)];
    });
  return { state, scope };
}

function networkError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code} (simulated)`), { code });
}
