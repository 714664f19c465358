import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import nock from "nock";
import { Probot } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app/create-app.js";
import { createFeedbackJobHandler } from "../../../src/feedback/create-feedback-job-handler.js";
import { renderMarker } from "../../../src/github/render-marker.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import type { Job, JobInput } from "../../../src/queue/types.js";
import { openStore } from "../../../src/store/open-store.js";
import type { PostedComment, Store } from "../../../src/store/types.js";
import { TestOctokit } from "../../support/test-octokit.js";
import { privateKey } from "../support/review-harness.js";
import { examplePayload, INSTALLATION, OWNER, PR, REPO } from "../support/webhook-payloads.js";

const run = promisify(execFile);
const HEAD = "c".repeat(40);
const PATH = "src/main/java/shop/Prices.java";
const KEY = `${PATH}:Prices#clamp(int,int,int)`;
const JAVA = `package shop;

class Prices {
    /** Returns value limited to [lo, hi]. */
    static int clamp(int value, int lo, int hi) {
        return Math.min(lo, Math.max(hi, value));
    }
}
`;
const METHOD =
  "static int clamp(int value, int lo, int hi) {\n        return Math.min(lo, Math.max(hi, value));\n    }";
const NOW = new Date("2026-03-01T12:00:00Z");

const comment = (over: Partial<PostedComment> = {}): PostedComment => ({
  repo: `${OWNER}/${REPO}`,
  pullNumber: PR,
  methodKey: KEY,
  bodyHash: "abc123",
  commentId: 901,
  commentNodeId: "PRRC_901",
  threadNodeId: "PRRT_901",
  path: PATH,
  line: 5,
  score: 0.12,
  state: "open",
  headSha: HEAD,
  createdAt: NOW.toISOString(),
  ...over,
});

function threadResolvedPayload(senderType: "User" | "Bot", line: number | null) {
  const p = examplePayload("pull_request_review_thread", "resolved");
  p.pull_request.number = PR;
  p.sender.type = senderType;
  const c = p.thread.comments[0];
  Object.assign(c, { id: 901, path: PATH, line, original_commit_id: HEAD, commit_id: HEAD });
  c.user.type = "Bot";
  c.body = `${renderMarker(KEY, "abc123")}\n**java-judge**: this method may not do what its Javadoc says.`;
  return p;
}

describe("feedback capture through probot.receive", () => {
  let probot: Probot;
  let store: Store;
  let dir: string;
  const jobs: JobInput[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    dir = mkdtempSync(join(tmpdir(), "jj-feedback-"));
  });
  afterAll(() => nock.enableNetConnect());

  beforeEach(async () => {
    jobs.length = 0;
    store = await openStore(`sqlite:${join(dir, `db-${Date.now()}-${Math.random()}.sqlite`)}`, {
      now: () => NOW,
    });
    probot = new Probot({
      appId: 123,
      privateKey,
      Octokit: TestOctokit,
      logLevel: "warn",
    });
    const queue = {
      enqueue: async (job: JobInput) => {
        jobs.push(job);
        return { id: String(jobs.length), created: true, superseded: [] };
      },
    };
    await probot.load(createApp({ queue }));
  });
  afterEach(async () => {
    nock.cleanAll();
    await store.close();
  });

  async function runJob(input: JobInput): Promise<string[]> {
    const recorded: string[] = [];
    const handler = createFeedbackJobHandler({
      probot,
      store,
      parser: await loadJavaParser(),
      now: () => NOW,
      onDone: (_type, r) => recorded.push(...r),
    });
    const job: Job = { ...input, id: "1", attempt: 1, createdAt: NOW.toISOString() };
    await handler({ job, signal: new AbortController().signal, isSuperseded: async () => false });
    return recorded;
  }

  function githubWithFile() {
    return nock("https://api.github.com")
      .post(`/app/installations/${INSTALLATION}/access_tokens`)
      .reply(201, { token: "t", permissions: {} })
      .get(`/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(PATH)}`)
      .query({ ref: HEAD })
      .reply(200, {
        type: "file",
        encoding: "base64",
        size: JAVA.length,
        content: Buffer.from(JAVA).toString("base64"),
      });
  }

  it("a person resolving the bot's thread on unchanged lines records a dismissal (label 1)", async () => {
    await store.upsertComment(comment());
    await probot.receive({
      id: "d-1",
      name: "pull_request_review_thread",
      payload: threadResolvedPayload("User", 5) as never,
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      type: "feedback-thread",
      deliveryId: "d-1:feedback",
      payload: {
        installationId: INSTALLATION,
        owner: OWNER,
        repo: REPO,
        pullNumber: PR,
        commentId: 901,
        methodKey: KEY,
        outdated: false,
      },
    });
    const scope = githubWithFile();
    expect(await runJob(jobs[0]!)).toEqual(["thread-resolved"]);
    expect(scope.isDone()).toBe(true);
    expect(await store.listFeedback()).toEqual([
      {
        repo: `${OWNER}/${REPO}`,
        pullNumber: PR,
        methodKey: KEY,
        signal: "thread-resolved",
        label: 1,
        description: "Returns value limited to [lo, hi].",
        code: METHOD,
        signature: "static int clamp(int value, int lo, int hi)",
        score: 0.12,
        createdAt: NOW.toISOString(),
      },
    ]);
  });

  it("an outdated thread resolved by a person counts as the flag being right (label 0)", async () => {
    await probot.receive({
      id: "d-2",
      name: "pull_request_review_thread",
      payload: threadResolvedPayload("User", null) as never,
    });
    githubWithFile();
    // Not in the store: the marker and the payload's commit are enough; the score is unknown.
    expect(await runJob(jobs[0]!)).toEqual(["thread-resolved-after-change"]);
    expect(await store.listFeedback()).toMatchObject([{ label: 0, score: null, code: METHOD }]);
  });

  it("a thread resolved by a bot, or not started by java-judge, enqueues nothing", async () => {
    await probot.receive({
      id: "d-3",
      name: "pull_request_review_thread",
      payload: threadResolvedPayload("Bot", 5) as never,
    });
    const foreign = threadResolvedPayload("User", 5);
    foreign.thread.comments[0].body = "a person's comment";
    await probot.receive({ id: "d-4", name: "pull_request_review_thread", payload: foreign as never });
    expect(jobs).toEqual([]);
  });

  it("a push polls the reactions: one record per (comment, 👍|👎), bots and other emoji ignored, no repeats", async () => {
    await store.upsertComment(comment());
    const payload = examplePayload("pull_request", "synchronize");
    payload.number = PR;
    payload.pull_request.number = PR;
    await probot.receive({ id: "d-5", name: "pull_request", payload: payload as never });
    const poll = jobs.find((j) => j.type === "feedback-poll")!;
    expect(poll).toMatchObject({
      deliveryId: "d-5:feedback-poll",
      supersedeKey: `${OWNER}/${REPO}#${PR}:feedback-poll`,
    });
    const reactions = [
      { id: 1, content: "+1", user: { login: "ann", type: "User" } },
      { id: 2, content: "+1", user: { login: "bob", type: "User" } },
      { id: 3, content: "-1", user: { login: "dependabot[bot]", type: "Bot" } },
      { id: 4, content: "heart", user: { login: "cy", type: "User" } },
    ];
    const scope = githubWithFile()
      .get(`/repos/${OWNER}/${REPO}/pulls/comments/901/reactions`)
      .query({ per_page: 100 })
      .reply(200, reactions);
    expect(await runJob(poll)).toEqual([`${KEY} reaction:+1`]);
    expect(scope.isDone()).toBe(true);
    expect(await store.listFeedback()).toMatchObject([
      { signal: "reaction:+1", label: 0, score: 0.12, code: METHOD },
    ]);

    // The next poll sees the same 👍 and a new 👎: only the 👎 is new.
    // Probot keeps the installation token from the first poll.
    const again = nock("https://api.github.com")
      .get(`/repos/${OWNER}/${REPO}/pulls/comments/901/reactions`)
      .query({ per_page: 100 })
      .reply(200, [...reactions, { id: 5, content: "-1", user: { login: "dee", type: "User" } }])
      .get(`/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(PATH)}`)
      .query({ ref: HEAD })
      .reply(200, {
        type: "file",
        encoding: "base64",
        size: JAVA.length,
        content: Buffer.from(JAVA).toString("base64"),
      });
    expect(await runJob(poll)).toEqual([`${KEY} reaction:-1`]);
    expect(again.isDone()).toBe(true);
    expect((await store.listFeedback()).map((f) => [f.signal, f.label])).toEqual([
      ["reaction:+1", 0],
      ["reaction:-1", 1],
    ]);

    // export: the 👍 and the 👎 on the same prompt conflict, so nothing is exported and that is said.
    const url = `sqlite:${join(dir, "export.sqlite")}`;
    const exportStore = await openStore(url);
    for (const f of await store.listFeedback()) await exportStore.addFeedback(f);
    await exportStore.close();
    const out = join(dir, "train.jsonl");
    const { stderr } = await run("node", [
      "bin/java-judge.js",
      "export",
      "--out",
      out,
      "--database-url",
      url,
    ]);
    expect(readFileSync(out, "utf8")).toBe("");
    expect(stderr).toContain(
      "0 examples from 2 feedback records (0 duplicates merged, 1 prompts with conflicting labels left out)",
    );
  });
});
