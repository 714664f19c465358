import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyGguf } from "../model/write-tiny-gguf.js";
import { type Route, startFakeGitHub } from "./support/fake-github-server.js";
import { CALC_PATH, makePatch, readJava } from "./support/java-fixtures.js";
import { type ServeProcess, startServeProcess } from "./support/serve-process.js";
import { BASE_SHA, INSTALLATION, PR, pullRequestPayload } from "./support/webhook-payloads.js";

const HEAD = "e".repeat(40);
const base = readJava("base");
const head = readJava("head");
const repo = "/repos/acme/shop";

const route: Route = ({ method, path, body }) => {
  const file = (text: string) => ({
    status: 200,
    body: {
      type: "file",
      encoding: "base64",
      size: text.length,
      content: Buffer.from(text).toString("base64"),
    },
  });
  if (method === "POST" && path === `/app/installations/${INSTALLATION}/access_tokens`) {
    return { status: 201, body: { token: "ghs_e2e", expires_at: "2999-01-01T00:00:00Z" } };
  }
  if (method === "POST" && path === `${repo}/check-runs`) return { status: 201, body: { id: 31 } };
  if (method === "PATCH" && path === `${repo}/check-runs/31`) return { status: 200, body: { id: 31 } };
  if (path.startsWith(`${repo}/pulls/${PR}/files`)) {
    return { status: 200, body: [{ filename: CALC_PATH, status: "modified", patch: makePatch(base, head) }] };
  }
  if (path.startsWith(`${repo}/compare/`))
    return { status: 200, body: { merge_base_commit: { sha: BASE_SHA } } };
  if (path.startsWith(`${repo}/contents/${encodeURIComponent(CALC_PATH)}?ref=${HEAD}`)) return file(head);
  if (path.startsWith(`${repo}/contents/${encodeURIComponent(CALC_PATH)}?ref=${BASE_SHA}`)) return file(base);
  if (path === `${repo}/pulls/${PR}`) return { status: 200, body: { number: PR, head: { sha: HEAD } } };
  if (path.startsWith(`${repo}/pulls/${PR}/comments`)) return { status: 200, body: [] };
  if (method === "POST" && path === `${repo}/pulls/${PR}/reviews`) return { status: 200, body: { id: 77 } };
  if (path.startsWith(`${repo}/pulls/${PR}/reviews/77/comments`)) {
    return {
      status: 200,
      body: [{ id: 1, node_id: "PRRC_1", body: lastReview?.comments[0].body, path: CALC_PATH }],
    };
  }
  void body;
  return undefined; // config files: 404 = no config
};
let lastReview: any;

let github: Awaited<ReturnType<typeof startFakeGitHub>>;
let server: ServeProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-e2e-"));
  github = await startFakeGitHub((req) => {
    if (req.method === "POST" && req.path.endsWith("/reviews")) lastReview = req.body;
    return route(req);
  });
  server = await startServeProcess(github.host, {
    JUDGE_MODEL: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
    DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
  });
});

afterAll(async () => {
  await server?.stop();
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("java-judge serve, end to end over HTTP", () => {
  it("answers 400 to a bad signature and enqueues nothing", async () => {
    const res = await server.deliver("pull_request", pullRequestPayload("opened", HEAD), "not-the-secret");
    expect(res.status).toBe(400);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const jobs = [...metrics.matchAll(/^java_judge_jobs\{state="\w+"\} (\d+)$/gm)].map((m) => Number(m[1]));
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.reduce((a, b) => a + b, 0)).toBe(0);
    expect(github.requests).toEqual([]);
  });

  it("reviews an opened PR: signed webhook -> check run and review posted to GitHub", async () => {
    const res = await server.deliver("pull_request", pullRequestPayload("opened", HEAD));
    expect(res.status).toBe(200);
    const completed = await server.waitFor("the completed check run", () =>
      github.requests.find((r) => r.method === "PATCH" && r.body?.status === "completed"),
    );
    expect(completed.body).toMatchObject({
      conclusion: "neutral",
      output: { title: "1 of 2 methods flagged" },
    });
    const reviews = github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/reviews"));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.body).toMatchObject({ commit_id: HEAD, event: "COMMENT" });
    expect(reviews[0]?.body.comments).toMatchObject([{ path: CALC_PATH, start_line: 22, line: 25 }]);
    expect(reviews[0]?.body.comments[0].body).toContain("<!-- java-judge:method=");
    // Where it doubts (explain.mode: flagged by default): the BUG line named in the comment and linked in the table.
    expect(reviews[0]?.body.comments[0].body).toMatch(
      /\*\*Where it doubts:\*\* the line whose removal raises the score most:\n\n- \[line 24\]\(\S+#L24\): `return product \+ 1; \/\/ BUG: off by one`/,
    );
    expect(completed.body.output.summary).toMatch(/most doubted: \[line 24\]\(\S+#L24\)/);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/java_judge_webhook_ack_seconds_count\{status="200"\} 1/);
    expect(metrics).toMatch(/java_judge_methods_judged_total\{verdict="flagged"\} 1/);
  });

  it("stops on SIGTERM", async () => {
    expect(await server.stop()).toBe(0);
  });
});
