import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { CALC_PATH, makePatch, readJava } from "../support/java-fixtures.js";
import { BASE_SHA, INSTALLATION, OWNER, PR, REPO } from "../support/webhook-payloads.js";

export interface FakeGitHub {
  /** GHE-style base (`…/api/v3`), for Probot's `baseUrl` in another process. */
  baseUrl: string;
  reviews: Record<string, unknown>[];
  checkRunCreates: Record<string, unknown>[];
  checkRunUpdates: { status?: string; conclusion?: string; output?: { title?: string } }[];
  /** Called when a review arrives, after it is recorded; resolve to answer, or never to hold the request. */
  onReview: (() => Promise<void>) | null;
  close(): Promise<void>;
}

type Comment = { id: number; node_id: string; body: string; path: string; line: number; review: number };

/**
 * A real HTTP stand-in for GitHub's endpoints of one Calc review, for worker processes nock cannot reach.
 * It keeps what was posted, so a job run again after a crash sees its own earlier comments.
 */
export async function startFakeGitHub(headSha: string): Promise<FakeGitHub> {
  const base = readJava("base");
  const head = readJava("head");
  const comments: Comment[] = [];
  const repo = `/api/v3/repos/${OWNER}/${REPO}`;
  const fake: FakeGitHub = {
    baseUrl: "",
    reviews: [],
    checkRunCreates: [],
    checkRunUpdates: [],
    onReview: null,
    close: async () => {},
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const contents = (ref: string | null) => {
    const text = ref === BASE_SHA ? base : head;
    const content = Buffer.from(text).toString("base64");
    return { type: "file", encoding: "base64", size: Buffer.byteLength(text), path: CALC_PATH, content };
  };
  const route = async (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => {
    const url = new URL(req.url ?? "/", "http://x");
    const p = url.pathname;
    const m = req.method;
    if (m === "POST" && p === `/api/v3/app/installations/${INSTALLATION}/access_tokens`)
      return json(res, 201, { token: "ghs_fake", expires_at: "2999-01-01T00:00:00Z" });
    if (m === "POST" && p === `${repo}/check-runs`) {
      fake.checkRunCreates.push(body);
      return json(res, 201, { id: 555 });
    }
    if (m === "GET" && p === `${repo}/commits/${headSha}/check-runs`) {
      const runs = fake.checkRunCreates.length > 0 ? [{ id: 555, status: "in_progress" }] : [];
      return json(res, 200, { total_count: runs.length, check_runs: runs });
    }
    if (m === "PATCH" && p === `${repo}/check-runs/555`) {
      fake.checkRunUpdates.push(body);
      return json(res, 200, { id: 555 });
    }
    if (m === "GET" && p.endsWith("/contents/.github%2Fjava-judge.yml"))
      return json(res, 404, { message: "Not Found" });
    if (m === "GET" && p === `${repo}/pulls/${PR}/files`)
      return json(res, 200, [{ filename: CALC_PATH, status: "modified", patch: makePatch(base, head) }]);
    if (m === "GET" && p === `${repo}/compare/${BASE_SHA}...${headSha}`)
      return json(res, 200, { merge_base_commit: { sha: BASE_SHA } });
    if (m === "GET" && p === `${repo}/contents/${encodeURIComponent(CALC_PATH)}`)
      return json(res, 200, contents(url.searchParams.get("ref")));
    if (m === "GET" && p === `${repo}/pulls/${PR}`)
      return json(res, 200, { number: PR, head: { sha: headSha }, base: { sha: BASE_SHA } });
    if (m === "GET" && p === `${repo}/pulls/${PR}/comments`)
      return json(
        res,
        200,
        comments.map((c) => ({ ...c, user: { login: "java-judge[bot]", type: "Bot" } })),
      );
    if (m === "GET" && p === `${repo}/pulls/${PR}/reviews`) return json(res, 200, []);
    if (m === "POST" && p === `${repo}/pulls/${PR}/reviews`) {
      const id = 9000 + fake.reviews.length;
      fake.reviews.push(body);
      const posted = (body.comments ?? []) as { body: string; path: string; line: number }[];
      for (const c of posted) {
        const n = 70000 + comments.length;
        comments.push({ id: n, node_id: `PRRC_${n}`, body: c.body, path: c.path, line: c.line, review: id });
      }
      await fake.onReview?.();
      return json(res, 200, { id });
    }
    const review = /\/pulls\/\d+\/reviews\/(\d+)\/comments$/.exec(p);
    if (m === "GET" && review)
      return json(
        res,
        200,
        comments.filter((c) => c.review === Number(review[1])),
      );
    json(res, 404, { message: `fake GitHub has no ${m} ${p}` });
  };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => {
      raw += d.toString();
    });
    req.on("end", () => {
      route(req, res, raw ? JSON.parse(raw) : {}).catch((e: unknown) =>
        json(res, 500, { message: String(e) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  fake.baseUrl = `http://127.0.0.1:${port}/api/v3`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
