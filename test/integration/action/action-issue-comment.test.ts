import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { CALC_PATH, makePatch, readJava } from "../support/java-fixtures.js";
import { actionEvent, OWNER, PR, REPO, writeEvent } from "./support/action-event.js";
import { runActionCli } from "./support/run-action-cli.js";
import { type FakeGitHub, type PostedReview, startFakeGitHub } from "./support/start-fake-github.js";

const BASE = "b".repeat(40);
const HEAD = "d".repeat(40);
const COMMENT_ID = 4321;
const base = readJava("base");
const head = readJava("head");

let dir: string;
let model: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-action-cmd-"));
  model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(): Promise<FakeGitHub> {
  const gh = await startFakeGitHub({
    owner: OWNER,
    repo: REPO,
    pullNumber: PR,
    headSha: HEAD,
    baseSha: BASE,
    config: null,
    files: [
      {
        path: CALC_PATH,
        status: "modified",
        patch: makePatch(base, head),
        contents: { [BASE]: base, [HEAD]: head },
      },
    ],
    permissions: { maintainer: "write", visitor: "read" },
  });
  onTestFinished(() => gh.close());
  return gh;
}

function commentEvent(login: string, body: string) {
  return actionEvent("issue_comment", "created", (e) => {
    e.issue.number = PR;
    e.issue.state = "open";
    e.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PR}` };
    e.comment.id = COMMENT_ID;
    e.comment.body = body;
    e.comment.user = { ...e.comment.user, login, type: "User" };
    e.sender = { ...e.sender, login, type: "User" };
  });
}

function run(gh: FakeGitHub, payload: unknown) {
  return runActionCli({
    GITHUB_EVENT_NAME: "issue_comment",
    GITHUB_EVENT_PATH: writeEvent(dir, payload),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: "ghs_the_job_token",
    "INPUT_JUDGE-MODEL": model,
    RUNNER_TEMP: dir,
    LOG_LEVEL: "warn",
  });
}

describe("java-judge action: issue_comment", () => {
  it("/judge from a writer: 👀, then the review it asks for runs in the same job", async () => {
    const fake = await serve();
    const result = await run(fake, commentEvent("maintainer", "/judge"));

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("java-judge: command: review-enqueued");
    expect(result.stdout).toContain("java-judge: review: reviewed");
    expect(fake.unmatched).toEqual([]);
    const posted = (suffix: string) =>
      fake.requests.filter((r) => r.method === "POST" && r.path.endsWith(suffix));
    expect(posted(`/issues/comments/${COMMENT_ID}/reactions`).map((r) => r.body)).toEqual([
      { content: "eyes" },
    ]);
    expect(posted("/check-runs")).toHaveLength(1);
    const reviews = posted(`/pulls/${PR}/reviews`);
    expect(reviews).toHaveLength(1);
    const review = reviews[0]?.body as PostedReview;
    expect(review).toMatchObject({ commit_id: HEAD, event: "COMMENT" });
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([[CALC_PATH, 25]]);
  });

  it("/judge from a reader: a reply saying why, nothing reviewed, exit 0", async () => {
    const fake = await serve();
    const result = await run(fake, commentEvent("visitor", "/judge"));

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("java-judge: command: denied");
    const replies = fake.requests.filter(
      (r) => r.method === "POST" && r.path.endsWith(`/issues/${PR}/comments`),
    );
    expect(replies).toHaveLength(1);
    const reply = replies[0]?.body as { body: string } | undefined;
    expect(reply?.body).toMatch(/^@visitor `\/judge` commands need write permission/);
    expect(fake.requests.some((r) => r.path.endsWith("/check-runs"))).toBe(false);
  });

  it("a comment that is no command makes no job and no API call", async () => {
    const fake = await serve();
    const result = await run(fake, commentEvent("maintainer", "Looks good to me"));

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("::notice::java-judge: issue_comment: nothing to do");
    expect(fake.requests).toEqual([]);
  });
});
