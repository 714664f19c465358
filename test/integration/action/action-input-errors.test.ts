import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readActionEnv } from "../../../src/action/read-action-env.js";
import { runActionEvent } from "../../../src/action/run-action-event.js";
import { UsageError } from "../../../src/errors.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { actionEvent, OWNER, pullRequestEvent, REPO, writeEvent } from "./support/action-event.js";
import { runActionCli } from "./support/run-action-cli.js";
import { type FakeGitHub, startFakeGitHub } from "./support/start-fake-github.js";

let dir: string;
let model: string;
let gh: FakeGitHub;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-action-err-"));
  model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
  // Bad input must be refused before any API call: this fake records whatever reaches it.
  gh = await startFakeGitHub({
    owner: OWNER,
    repo: REPO,
    pullNumber: 7,
    headSha: "c".repeat(40),
    baseSha: "b".repeat(40),
    config: null,
    files: [],
  });
});
afterAll(async () => {
  expect(gh.requests).toEqual([]);
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
});

const opened = () => pullRequestEvent("opened", { headSha: "c".repeat(40), baseSha: "b".repeat(40) });

function env(over: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: writeEvent(dir, opened()),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: "ghs_the_job_token",
    "INPUT_JUDGE-MODEL": model,
    ...over,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The step as a workflow runs it, in-process: what `java-judge action` does after reading the env. */
const runInProcess = (over: Record<string, string | undefined>) =>
  runActionEvent(readActionEnv(env(over)), { log: { info: () => {}, warn: () => {} }, logLevel: "error" });

describe("java-judge action: bad input (exit 2, one line, nothing posted)", () => {
  it("a missing token", async () => {
    const run = await runActionCli(env({ GITHUB_TOKEN: undefined }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^java-judge: missing GITHUB_TOKEN: pass the job's token to the step .*\n$/);
    expect(run.stdout).toBe("");
  });

  it("a missing event file", async () => {
    const path = join(dir, "no-such-event.json");
    const run = await runActionCli(env({ GITHUB_EVENT_PATH: path }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `java-judge: cannot read the event file GITHUB_EVENT_PATH=${path} (ENOENT): run in a GitHub Actions job, or point it at a webhook payload\n`,
    );
  });

  it("an unsupported event is a notice and exit 0, not a failure", async () => {
    const run = await runActionCli(env({ GITHUB_EVENT_NAME: "push" }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::notice::java-judge: event "push" is not one java-judge handles/);
  });

  it("a fork's PR under pull_request is a notice (its token is read-only); pull_request_target goes on", async () => {
    const fork = pullRequestEvent("opened", {
      headSha: "c".repeat(40),
      baseSha: "b".repeat(40),
      headRepo: "stranger/shop",
    });
    const path = writeEvent(dir, fork);
    await expect(runInProcess({ GITHUB_EVENT_PATH: path })).resolves.toEqual({
      kind: "unsupported",
      notice: expect.stringMatching(
        /^pull_request from a fork: GitHub gives this job a read-only token.*pull_request_target/,
      ),
    });
    // pull_request_target gets past the event checks to the inputs: here the config input is refused.
    await expect(
      runInProcess({
        GITHUB_EVENT_PATH: path,
        GITHUB_EVENT_NAME: "pull_request_target",
        INPUT_CONFIG: "enabled: maybe",
      }),
    ).rejects.toThrow(/^the config input: key "enabled"/);
  });

  it.each([
    [
      { GITHUB_EVENT_NAME: undefined },
      /^missing GITHUB_EVENT_NAME: `java-judge action` runs inside a GitHub Actions job/,
    ],
    [{ GITHUB_REPOSITORY: "acme" }, /^GITHUB_REPOSITORY must be OWNER\/REPO, got "acme"$/],
    [{ "INPUT_JUDGE-MODEL": undefined }, /^missing the judge-model input/],
    [{ GITHUB_API_URL: "api.github.com" }, /^GITHUB_API_URL must be an http\(s\) URL/],
  ])("the environment %o", (over, message) => {
    expect(() => readActionEnv(env(over))).toThrow(UsageError);
    expect(() => readActionEnv(env(over))).toThrow(message);
  });

  it("reads the inputs with hyphens (node action) or underscores (composite step)", () => {
    const read = readActionEnv(
      env({ "INPUT_JUDGE-MODEL": undefined, INPUT_JUDGE_MODEL: model, "INPUT_GENERATOR-MODEL": "/g.gguf" }),
    );
    expect(read).toMatchObject({ judgeModel: model, generatorModel: "/g.gguf", owner: OWNER, repo: REPO });
  });

  it.each([
    [
      "an event file that is not JSON",
      () => ({ GITHUB_EVENT_PATH: file("broken.json", "{ not json") }),
      /is not JSON/,
    ],
    [
      "a payload of another event",
      () => ({ GITHUB_EVENT_PATH: file("push.json", JSON.stringify(actionEvent("push", undefined))) }),
      /is not a pull_request payload: it has no "pull_request" object/,
    ],
    [
      "an event of another repository",
      () => ({ GITHUB_REPOSITORY: "someone/else" }),
      /the event file is for acme\/shop but GITHUB_REPOSITORY is someone\/else/,
    ],
    [
      "a config input with a wrong value",
      () => ({ INPUT_CONFIG: "threshold: 2\n" }),
      /^the config input: key "threshold": /,
    ],
    [
      "a config input with an unknown key",
      () => ({ INPUT_CONFIG: "thresold: 0.4\n" }),
      /unknown key thresold/,
    ],
    [
      "a judge model that is not there",
      () => ({ "INPUT_JUDGE-MODEL": join(dir, "missing.gguf") }),
      /^judge-model: model not found: .*missing\.gguf/,
    ],
  ])("%s", async (_name, over, message) => {
    const result = runInProcess(over());
    await expect(result).rejects.toThrow(UsageError);
    await expect(runInProcess(over())).rejects.toThrow(message);
  });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
