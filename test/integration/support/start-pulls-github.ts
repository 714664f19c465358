import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { makePatch } from "./java-fixtures.js";

/** One pull request the fake serves: one Java file, base and head contents. */
export interface FakePull {
  installation: number;
  owner: string;
  repo: string;
  number: number;
  path: string;
  base: string;
  head: string;
  baseSha: string;
  headSha: string;
}

const fakeSha = (n: number) => n.toString(16).padStart(40, "a");

/**
 * One pull request of the fake: `owner/app#number`, changing one Java file, `src/main/java/com/example/<class>.java`
 * (the class is named `<stem><number>`, as javaClassOfMethods is told), base and head shas derived from the number.
 */
export function fakePull(params: {
  installation: number;
  owner: string;
  number: number;
  java: { base: string; head: string };
  stem?: string;
}): FakePull {
  const { installation, owner, number, java, stem = "P" } = params;
  return {
    installation,
    owner,
    repo: "app",
    number,
    path: `src/main/java/com/example/${stem}${number}.java`,
    ...java,
    baseSha: fakeSha(1000 + number),
    headSha: fakeSha(2000 + number),
  };
}

/** What the app did to GitHub, in order, with when (ms since the fake started). */
export interface PullEvent {
  at: number;
  /** "owner/repo#number" */
  pull: string;
  kind: "check-create" | "check-update" | "review";
  checkRunId?: number;
  status?: string;
  conclusion?: string;
  title?: string;
  summary?: string;
  comments?: number;
}

export interface PullsGitHub {
  /** GHE-style base (`…/api/v3`), for Probot's `baseUrl`. */
  baseUrl: string;
  /** performance.now() when the fake started: events' `at` counts from here. */
  startedAt: number;
  events: PullEvent[];
  /** When a check run is created for a pull (e.g. to push more work while its review runs). */
  onCheckCreate: ((pull: string) => void) | null;
  close(): Promise<void>;
}

type Comment = { id: number; node_id: string; body: string; path: string; line: number; review: number };

/**
 * A real HTTP stand-in for GitHub's endpoints of the review of many pull requests, across installations and
 * repositories (for the fairness test and bench): it records every check run write and review, with times.
 */
export async function startPullsGitHub(pulls: FakePull[]): Promise<PullsGitHub> {
  const started = performance.now();
  const keyOf = (p: { owner: string; repo: string; number: number }) => `${p.owner}/${p.repo}#${p.number}`;
  const patches = new Map(pulls.map((p) => [keyOf(p), makePatch(p.base, p.head)]));
  const checkRuns = new Map<number, { pull: string; sha: string; status: string }>();
  const comments: Comment[] = [];
  const fake: PullsGitHub = {
    baseUrl: "",
    startedAt: started,
    events: [],
    onCheckCreate: null,
    close: async () => {},
  };
  const record = (e: Omit<PullEvent, "at">) => fake.events.push({ at: performance.now() - started, ...e });
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  // biome-ignore lint/suspicious/noExplicitAny: the JSON bodies of GitHub API requests
  const route = (req: IncomingMessage, res: ServerResponse, body: Record<string, any>) => {
    const url = new URL(req.url ?? "/", "http://x");
    const m = req.method;
    const p = url.pathname;
    if (m === "POST" && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(p))
      return json(res, 201, { token: "ghs_fake", expires_at: "2999-01-01T00:00:00Z" });
    const at = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(p);
    if (!at) return json(res, 404, { message: `fake GitHub has no ${m} ${p}` });
    const [, owner, repo, rest] = at as unknown as [string, string, string, string];
    const bySha = (sha: string) =>
      pulls.find((x) => x.owner === owner && x.repo === repo && x.headSha === sha);
    const pullNo = /^pulls\/(\d+)/.exec(rest);
    const pull = pullNo
      ? pulls.find((x) => x.owner === owner && x.repo === repo && x.number === Number(pullNo[1]))
      : undefined;
    if (m === "POST" && rest === "check-runs") {
      const of = bySha(String(body.head_sha));
      if (!of) return json(res, 422, { message: "no such sha" });
      const id = 500 + checkRuns.size;
      checkRuns.set(id, { pull: keyOf(of), sha: of.headSha, status: String(body.status ?? "queued") });
      record({ pull: keyOf(of), kind: "check-create", checkRunId: id });
      fake.onCheckCreate?.(keyOf(of));
      return json(res, 201, { id });
    }
    const runsOf = /^commits\/([0-9a-f]+)\/check-runs$/.exec(rest);
    if (m === "GET" && runsOf) {
      const runs = [...checkRuns.entries()]
        .filter(([, r]) => r.sha === runsOf[1])
        .map(([id, r]) => ({ id, status: r.status }));
      return json(res, 200, { total_count: runs.length, check_runs: runs });
    }
    const run = /^check-runs\/(\d+)$/.exec(rest);
    if (m === "PATCH" && run) {
      const id = Number(run[1]);
      const r = checkRuns.get(id);
      if (!r) return json(res, 404, { message: "no such check run" });
      if (body.status) r.status = body.status;
      record({
        pull: r.pull,
        kind: "check-update",
        checkRunId: id,
        status: body.status,
        conclusion: body.conclusion,
        title: body.output?.title,
        summary: body.output?.summary,
      });
      return json(res, 200, { id });
    }
    const contents = /^contents\/(.+)$/.exec(rest);
    if (m === "GET" && contents) {
      const path = decodeURIComponent(contents[1] as string);
      const ref = url.searchParams.get("ref");
      const of = pulls.find((x) => x.owner === owner && x.repo === repo && x.path === path);
      if (!of || (ref !== of.baseSha && ref !== of.headSha)) return json(res, 404, { message: "Not Found" });
      const text = ref === of.baseSha ? of.base : of.head;
      return json(res, 200, {
        type: "file",
        encoding: "base64",
        size: Buffer.byteLength(text),
        path,
        content: Buffer.from(text).toString("base64"),
      });
    }
    const compare = /^compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(rest);
    if (m === "GET" && compare) return json(res, 200, { merge_base_commit: { sha: compare[1] } });
    if (!pull) return json(res, 404, { message: `fake GitHub has no ${m} ${p}` });
    const key = keyOf(pull);
    if (m === "GET" && rest === `pulls/${pull.number}`)
      return json(res, 200, {
        number: pull.number,
        head: { sha: pull.headSha },
        base: { sha: pull.baseSha },
      });
    if (m === "GET" && rest === `pulls/${pull.number}/files`)
      return json(res, 200, [{ filename: pull.path, status: "modified", patch: patches.get(key) }]);
    if (m === "GET" && rest === `pulls/${pull.number}/comments`) {
      const mine = comments.filter((c) => c.path === pull.path);
      return json(
        res,
        200,
        mine.map((c) => ({ ...c, user: { login: "java-judge[bot]", type: "Bot" } })),
      );
    }
    if (m === "GET" && rest === `pulls/${pull.number}/reviews`) return json(res, 200, []);
    if (m === "POST" && rest === `pulls/${pull.number}/reviews`) {
      const id = 9000 + fake.events.filter((e) => e.kind === "review").length;
      const posted = (body.comments ?? []) as { body: string; path: string; line: number }[];
      for (const c of posted) {
        const n = 70000 + comments.length;
        comments.push({ id: n, node_id: `PRRC_${n}`, body: c.body, path: c.path, line: c.line, review: id });
      }
      record({ pull: key, kind: "review", comments: posted.length });
      return json(res, 200, { id });
    }
    const review = /^pulls\/\d+\/reviews\/(\d+)\/comments$/.exec(rest);
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
      try {
        route(req, res, raw ? JSON.parse(raw) : {});
      } catch (e) {
        json(res, 500, { message: String(e) });
      }
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
