import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeRepo {
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  baseSha: string;
  /** `.github/java-judge.yml` on the default branch; null: no file (404). */
  config: string | null;
  files: { path: string; status: string; patch?: string; contents: Record<string, string> }[];
  /** Permission level per login (repos.getCollaboratorPermissionLevel). */
  permissions?: Record<string, string>;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** Requests no route answered (404 "Not Found"): a test expects none. */
  unmatched: RecordedRequest[];
  close(): Promise<void>;
}

/** The slice of a posted review (pulls.createReview) a test reads. */
export interface PostedReview {
  commit_id: string;
  event: string;
  comments: { path: string; line: number; start_line?: number; side?: string; body: string }[];
}

type Reply = { status: number; body?: unknown; raw?: string };
type Route = [method: string, path: RegExp, answer: (m: RegExpMatchArray, r: RecordedRequest) => Reply];

const CHECK_RUN_ID = 555;
const REVIEW_ID = 9001;
const FIRST_COMMENT_ID = 70001;

/**
 * GitHub's REST API for one repository and one PR, served on 127.0.0.1 for a child process (nock cannot
 * reach into another process). It answers what a review job asks and records every request.
 */
export async function startFakeGitHub(state: FakeRepo): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const unmatched: RecordedRequest[] = [];
  const repoPath = `/repos/${state.owner}/${state.repo}`;
  const pr = `${repoPath}/pulls/${state.pullNumber}`;
  const reviews: PostedReview[] = [];
  const at = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")}$`);

  const routes: Route[] = [
    ["POST", at(`${repoPath}/check-runs`), () => ({ status: 201, body: { id: CHECK_RUN_ID } })],
    [
      "PATCH",
      at(`${repoPath}/check-runs/${CHECK_RUN_ID}`),
      () => ({ status: 200, body: { id: CHECK_RUN_ID } }),
    ],
    [
      "GET",
      at(`${repoPath}/contents/.github/java-judge.yml`),
      () => (state.config === null ? notFound() : { status: 200, raw: state.config }),
    ],
    ["GET", /^\/repos\/[^/]+\/\.github\/contents\//, () => notFound()],
    [
      "GET",
      at(`${pr}/files`),
      () => ({
        status: 200,
        body: state.files.map((f) => ({ filename: f.path, status: f.status, patch: f.patch })),
      }),
    ],
    [
      "GET",
      new RegExp(`^${repoPath}/compare/`),
      () => ({ status: 200, body: { merge_base_commit: { sha: state.baseSha } } }),
    ],
    [
      "GET",
      new RegExp(`^${repoPath}/contents/(.+)$`),
      (m, r) => fileAt(state, decodeURIComponent(m[1] ?? ""), r),
    ],
    [
      "GET",
      at(pr),
      () => ({
        status: 200,
        body: { number: state.pullNumber, head: { sha: state.headSha }, base: { sha: state.baseSha } },
      }),
    ],
    ["GET", at(`${pr}/comments`), () => ({ status: 200, body: [] })],
    [
      "POST",
      at(`${pr}/reviews`),
      (_m, r) => {
        reviews.push(r.body as PostedReview);
        return { status: 200, body: { id: REVIEW_ID } };
      },
    ],
    [
      "GET",
      at(`${pr}/reviews/${REVIEW_ID}/comments`),
      () => ({
        status: 200,
        body: (reviews.at(-1)?.comments ?? []).map((c, i) => ({
          id: FIRST_COMMENT_ID + i,
          node_id: `PRRC_${FIRST_COMMENT_ID + i}`,
          body: c.body,
          path: c.path,
          line: c.line,
        })),
      }),
    ],
    [
      "GET",
      new RegExp(`^${repoPath}/collaborators/([^/]+)/permission$`),
      (m) => ({ status: 200, body: { permission: state.permissions?.[m[1] ?? ""] ?? "read" } }),
    ],
    [
      "POST",
      new RegExp(`^${repoPath}/issues/comments/\\d+/reactions$`),
      () => ({ status: 201, body: { id: 1 } }),
    ],
    [
      "POST",
      new RegExp(`^${repoPath}/pulls/comments/\\d+/reactions$`),
      () => ({ status: 201, body: { id: 1 } }),
    ],
    [
      "POST",
      at(`${repoPath}/issues/${state.pullNumber}/comments`),
      () => ({ status: 201, body: { id: 80001 } }),
    ],
  ];

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    const route = routes.find(([method, path]) => method === recorded.method && path.test(recorded.path));
    const match = route ? recorded.path.match(route[1]) : null;
    const reply = route && match ? route[2](match, recorded) : notFound();
    if (!route) unmatched.push(recorded);
    if (reply.raw !== undefined) {
      res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8" }).end(reply.raw);
    } else {
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(reply.body ?? {}));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unmatched,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fileAt(state: FakeRepo, path: string, r: RecordedRequest): Reply {
  const text = state.files.find((f) => f.path === path)?.contents[r.query.ref ?? ""];
  if (text === undefined) return notFound();
  return {
    status: 200,
    body: {
      type: "file",
      encoding: "base64",
      size: Buffer.byteLength(text),
      path,
      content: Buffer.from(text).toString("base64"),
    },
  };
}

function notFound(): Reply {
  return { status: 404, body: { message: "Not Found" } };
}
