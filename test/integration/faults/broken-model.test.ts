import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess } from "../../../bench/support/start-server-process.js";
import { createJudgeLoader } from "../../../src/review/create-judge-loader.js";
import { openStore } from "../../../src/store/open-store.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import { mockGitHub } from "../support/fake-github.js";
import { CALC_PATH, makePatch, readJava } from "../support/java-fixtures.js";
import { createHarness } from "../support/review-harness.js";
import { BASE_SHA, pullRequestPayload } from "../support/webhook-payloads.js";

const run = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "jj-broken-model-"));
const models = { truncated: join(dir, "truncated.gguf"), notGguf: join(dir, "not-a-model.gguf") };
const javaFile = join(dir, "Calc.java");

beforeAll(async () => {
  const good = readFileSync(await writeTinyGguf({ seed: 11 }));
  writeFileSync(models.truncated, good.subarray(0, Math.floor(good.length * 0.6)));
  writeFileSync(models.notGguf, "<html>404 Not Found</html>\n".repeat(100));
  writeFileSync(javaFile, readJava("head"));
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
});
afterAll(() => {
  nock.enableNetConnect();
  rmSync(dir, { recursive: true, force: true });
});

async function loaderError(model: string): Promise<string> {
  const store = await openStore(`sqlite:${join(dir, `${Math.random()}.sqlite`)}`);
  try {
    const loader = createJudgeLoader({ model, cache: store });
    const error = await loader.get().then(
      () => null,
      (e: unknown) => e,
    );
    await loader.dispose();
    return error instanceof Error ? error.message : String(error);
  } finally {
    await store.close();
  }
}

describe("a judge model file that is truncated or not a GGUF", () => {
  it.each([
    ["truncated", /model file is truncated: .*truncated\.gguf.*download it again/],
    ["notGguf", /not a GGUF model file .*not-a-model\.gguf/],
  ] as const)("%s: the CLI stops at once with one clear line, no stack trace", async (kind, message) => {
    const failed = await run(
      process.execPath,
      ["bin/java-judge.js", "score", javaFile, "--model", models[kind]],
      {
        cwd: ROOT,
      },
    ).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed?.stderr).toMatch(message);
    expect(failed?.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(["truncated", "notGguf"] as const)(
    "%s: the review's check run says the judge is unavailable, not a pass",
    async (kind) => {
      const reason = await loaderError(models[kind]);
      expect(reason).toMatch(/truncated|not a GGUF/);
      const h = await createHarness({ judgeFails: reason });
      try {
        const HEAD = "9".repeat(40);
        const base = readJava("base");
        const head = readJava("head");
        const calc = {
          path: CALC_PATH,
          contents: { [BASE_SHA]: base, [HEAD]: head },
          patch: makePatch(base, head),
        };
        const gh = mockGitHub()
          .token()
          .createCheckRun()
          .updateCheckRun(555, 2)
          .config(null)
          .files([calc])
          .mergeBase(HEAD);
        gh.contents(calc).head(HEAD, 1);
        await h.probot.receive({
          id: `model-${kind}`,
          name: "pull_request",
          payload: pullRequestPayload("opened", HEAD) as never,
        });
        await h.drain();
        expect(h.results).toEqual(["judge-unavailable"]);
        const done = gh.captured.checkRunUpdates.at(-1);
        expect(done).toMatchObject({
          status: "completed",
          conclusion: "neutral",
          output: { title: "Judge model unavailable: not reviewed" },
        });
        expect(done.output.summary).toContain("this is not a pass");
        expect(done.output.summary).toContain(reason);
        expect(gh.captured.reviews).toEqual([]);
        expect(gh.scope.isDone()).toBe(true);
      } finally {
        nock.cleanAll();
        await h.close();
      }
    },
  );

  // The model is loaded on the first job, but its file is checked when the workers start.
  it("serve with a truncated JUDGE_MODEL says so when it starts", async () => {
    const server = await startServerProcess({
      secret: "s",
      workers: 1,
      env: { JUDGE_MODEL: models.truncated, LOG_LEVEL: "info" },
    });
    try {
      await new Promise((r) => setTimeout(r, 2000));
      expect(server.output()).toMatch(/truncated/);
    } finally {
      await server.stop();
    }
  });
});
