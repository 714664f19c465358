import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { parseMarker } from "../../../src/github/render-marker.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { CALC_PATH, makePatch, readJava } from "../support/java-fixtures.js";
import { OWNER, PR, pullRequestEvent, REPO, writeEvent } from "./support/action-event.js";
import { runActionCli } from "./support/run-action-cli.js";
import {
  type FakeGitHub,
  type FakeRepo,
  type PostedReview,
  startFakeGitHub,
} from "./support/start-fake-github.js";

const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
const TOKEN = "ghs_the_job_token";
const base = readJava("base");
const head = readJava("head");

let dir: string;
let model: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-action-"));
  model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake GitHub for one test, closed when the test ends. */
async function serve(state: FakeRepo): Promise<FakeGitHub> {
  const gh = await startFakeGitHub(state);
  onTestFinished(() => gh.close());
  return gh;
}

function repoState(over: Partial<FakeRepo> = {}): FakeRepo {
  return {
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
    ...over,
  };
}

function actionEnv(gh: FakeGitHub, eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: writeEvent(dir, payload),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: TOKEN,
    "INPUT_JUDGE-MODEL": model,
    RUNNER_TEMP: dir,
    LOG_LEVEL: "warn",
    ...extra,
  };
}

describe("java-judge action: pull_request", () => {
  it("reviews the PR with the job's token: check run, one review on the flagged method, exit 0", async () => {
    const gh = await serve(repoState());
    const run = await runActionCli(
      actionEnv(gh, "pull_request", pullRequestEvent("opened", { headSha: HEAD, baseSha: BASE })),
    );

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("java-judge: review: reviewed");
    expect(gh.unmatched).toEqual([]);
    // Every call is made on the job's token (no app JWT, no installation token).
    expect(new Set(gh.requests.map((r) => r.authorization))).toEqual(new Set([`token ${TOKEN}`]));

    const creates = gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs"));
    expect(creates.map((r) => r.body)).toEqual([{ name: "java-judge", head_sha: HEAD, status: "queued" }]);
    const completed = gh.requests.filter((r) => r.method === "PATCH").at(-1)?.body;
    expect(completed).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      output: { title: "1 of 2 methods flagged" },
    });
    // A button press could not reach a workflow, so Action mode shows none.
    expect(completed).not.toHaveProperty("actions");

    const reviews = gh.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/pulls/${PR}/reviews`));
    expect(reviews).toHaveLength(1);
    const review = reviews[0]?.body as PostedReview;
    expect(review).toMatchObject({ commit_id: HEAD, event: "COMMENT" });
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: CALC_PATH, start_line: 22, line: 25, side: "RIGHT" });
    expect(parseMarker(review.comments[0]?.body ?? "")?.methodKey).toBe(
      `${CALC_PATH}:Calc#multiply(int,int)`,
    );
  });

  it("merges the config input over the repo's file, and still exits 0 when the check run fails", async () => {
    const gh = await serve(repoState({ config: "threshold: 0.5\n" }));
    const run = await runActionCli(
      actionEnv(
        gh,
        "pull_request_target",
        pullRequestEvent("synchronize", { headSha: HEAD, baseSha: BASE }),
        {
          INPUT_CONFIG: "check:\n  conclusion_when_flagged: failure\n",
        },
      ),
    );

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(gh.unmatched).toEqual([]);
    const completed = gh.requests.filter((r) => r.method === "PATCH").at(-1)?.body;
    expect(completed).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("does nothing for a pull_request action the app ignores (closed), exit 0", async () => {
    const gh = await serve(repoState());
    const payload = pullRequestEvent("closed", { headSha: HEAD, baseSha: BASE, state: "closed" });
    const run = await runActionCli(actionEnv(gh, "pull_request", payload));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::notice::java-judge: pull_request: nothing to do");
    expect(run.stdout).toContain("feedback-poll job skipped (not run in Action mode)");
    expect(gh.requests).toEqual([]);
  });

  it("fails the step (exit 1) with one line when the judge model cannot be loaded", async () => {
    const gh = await serve(repoState());
    const notGguf = join(dir, "not-a-model.gguf");
    writeFileSync(notGguf, "not a model");
    const run = await runActionCli(
      actionEnv(gh, "pull_request", pullRequestEvent("opened", { headSha: HEAD, baseSha: BASE }), {
        "INPUT_JUDGE-MODEL": notGguf,
      }),
    );

    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^java-judge: the judge model could not be loaded: .*not-a-model\.gguf/);
    const completed = gh.requests.filter((r) => r.method === "PATCH").at(-1)?.body;
    expect(completed).toMatchObject({
      status: "completed",
      output: { title: "Judge model unavailable: not reviewed" },
    });
  });

  it("fails the step (exit 1) when the repository's config is invalid; the check run names the key", async () => {
    const gh = await serve(repoState({ config: "threshold: 7\n" }));
    const run = await runActionCli(
      actionEnv(gh, "pull_request", pullRequestEvent("opened", { headSha: HEAD, baseSha: BASE })),
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "java-judge: the repository's .github/java-judge.yml is invalid: the java-judge check run says which key\n",
    );
    const completed = gh.requests.filter((r) => r.method === "PATCH").at(-1)?.body;
    expect(completed).toMatchObject({
      conclusion: "failure",
      output: {
        title: "Invalid .github/java-judge.yml",
        summary: expect.stringContaining('key "threshold"'),
      },
    });
    expect(gh.requests.some((r) => r.path.endsWith("/reviews"))).toBe(false);
  });
});
