import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyGguf } from "../model/write-tiny-gguf.js";
import { issueCommentPayload } from "./slash-commands/payloads.js";
import { startFakeGitHub } from "./support/fake-github-server.js";
import { makePatch } from "./support/java-fixtures.js";
import { type ServeProcess, startServeProcess } from "./support/serve-process.js";
import { baseText, headText, STRINGS_PATH } from "./support/strings-fixture.js";
import { BASE_SHA, INSTALLATION, PR } from "./support/webhook-payloads.js";

// Issue 12: on the real server, with a real (tiny, generated) generator, `/judge regenerate` got 👀 and then no
// answer for 8.5 minutes: the generator's llama.cpp context took llama.cpp's default threads, which spin on busy
// cores. Here the server runs as a user starts it, with LLAMA_THREADS unset, so the thread policy is what decides.
const HEAD = "d".repeat(40);
const repo = "/repos/acme/shop";
// Measured on 2 busy cores: answered in 5-7 s with the policy (1 thread for this model); with llama.cpp's default
// (4 threads here) no answer within 40 s.
const ANSWER_WITHIN_MS = 60_000;

const file = (text: string) => ({
  status: 200,
  body: {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(text),
    content: Buffer.from(text).toString("base64"),
  },
});

let github: Awaited<ReturnType<typeof startFakeGitHub>>;
let server: ServeProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-regen-e2e-"));
  github = await startFakeGitHub(({ method, path }) => {
    if (method === "POST" && path === `/app/installations/${INSTALLATION}/access_tokens`)
      return { status: 201, body: { token: "ghs_e2e", expires_at: "2999-01-01T00:00:00Z" } };
    if (path === `${repo}/collaborators/alice/permission`)
      return { status: 200, body: { permission: "admin", role_name: "admin", user: { login: "alice" } } };
    if (method === "POST" && path === `${repo}/issues/comments/501/reactions`)
      return { status: 201, body: {} };
    if (path === `${repo}/pulls/${PR}`)
      return { status: 200, body: { number: PR, head: { sha: HEAD }, base: { sha: BASE_SHA } } };
    if (path.startsWith(`${repo}/pulls/${PR}/files`))
      return {
        status: 200,
        body: [{ filename: STRINGS_PATH, status: "modified", patch: makePatch(baseText, headText) }],
      };
    if (path.startsWith(`${repo}/compare/`))
      return { status: 200, body: { merge_base_commit: { sha: BASE_SHA } } };
    const contents = `${repo}/contents/${encodeURIComponent(STRINGS_PATH)}`;
    if (path === `${contents}?ref=${HEAD}`) return file(headText);
    if (path === `${contents}?ref=${BASE_SHA}`) return file(baseText);
    if (method === "POST" && path === `${repo}/issues/${PR}/comments`)
      return {
        status: 201,
        body: { id: 90001, html_url: "https://github.com/acme/shop/pull/7#issuecomment-90001" },
      };
    return undefined; // the repo config: 404 = defaults
  });
  const env: Record<string, string> = {
    JUDGE_MODEL: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
    GENERATOR_MODEL: await writeTinyGguf({ seed: 21 }),
    DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
    // Empty = unset: the thread policy decides, not the caller's setting.
    LLAMA_THREADS: "",
  };
  server = await startServeProcess(github.host, env);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("/judge regenerate on the real server with a real tiny generator", () => {
  it(
    "reacts, writes the candidates, and answers the command",
    async () => {
      const started = Date.now();
      const res = await server.deliver(
        "issue_comment",
        issueCommentPayload("/judge regenerate isPalindrome", { login: "alice" }),
      );
      expect(res.status).toBe(200);
      const reply = await server.waitFor(
        "the reply to the command",
        () => github.requests.find((r) => r.method === "POST" && r.path === `${repo}/issues/${PR}/comments`),
        ANSWER_WITHIN_MS,
      );
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(`regenerate end to end: answered in ${seconds.toFixed(1)} s\n`);
      expect(github.requests.some((r) => r.path.endsWith("/issues/comments/501/reactions"))).toBe(true);
      // Random weights write no valid Java: every candidate is written, none survives the filter, and the reply says so.
      expect(reply.body.body).toMatch(
        /^\*\*java-judge\*\* has no suggestion for this method:\n\n- `Strings\.isPalindrome` \(src\/main\/java\/com\/example\/text\/Strings\.java:\d+\): no candidate survived: of 10 written, /,
      );
      expect(server.output()).toMatch(
        /regenerate acme\/shop#7 .*isPalindrome.*: no-candidates \(0\/10 kept\)/,
      );
    },
    ANSWER_WITHIN_MS + 10_000,
  );
});

describe("a bad LLAMA_THREADS", () => {
  const run = promisify(execFile);
  it.each([
    ["serve", []],
    ["score", ["test/fixtures/generations/Strings.java", "--model", "unused.gguf"]],
  ])("stops `java-judge %s` at start with one line, exit 2", async (command, args) => {
    const env = { ...process.env, APP_ID: "1", PRIVATE_KEY: "x", WEBHOOK_SECRET: "s", LLAMA_THREADS: "two" };
    const failure = await run("node", ["bin/java-judge.js", command, ...args], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split("\n")).toEqual([
      "java-judge: LLAMA_THREADS=two is not a whole number of threads (0 = all math cores)",
    ]);
  });
});
