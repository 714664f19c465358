import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createModelCandidateSource } from "../../../src/generator/create-model-candidate-source.js";
import type { CandidateSource } from "../../../src/generator/types.js";
import type { LlmModel } from "../../../src/llm/llm-model.js";
import { loadModel } from "../../../src/llm/load-model.js";
import { writeTinyGguf } from "../../model/write-tiny-gguf.js";
import {
  type CommandHarness,
  createCommandHarness,
  mockCommandStart,
  PR,
  repoPath,
} from "./command-harness.js";
import { issueCommentPayload } from "./payloads.js";
import { mockRegeneration } from "./regenerate-flow.js";

const BUDGET_S = 2;
const CONTEXT = 65_536;
const WRITE = { role_name: "write", permission: "write" };

let model: LlmModel;
let h: CommandHarness;
beforeAll(async () => {
  nock.disableNetConnect();
  // "1" wins at every position: the model never writes its end-of-text token nor the closing fence.
  model = await loadModel({
    path: await writeTinyGguf({ seed: 2, behaviour: { prefer: "1" }, contextLength: CONTEXT }),
    gpu: false,
  });
});
afterAll(async () => {
  nock.enableNetConnect();
  await model?.dispose();
});
afterEach(async () => {
  nock.cleanAll();
  await h?.close();
});

/** A real generator on the tiny model: the first call may write 50,000 tokens per candidate, later calls 8. */
function endlessThenShort(): CandidateSource & { calls: number } {
  // One thread: llama.cpp's spinning worker threads crawl on shared, busy cores.
  const endless = createModelCandidateSource(model, { maxTokens: 50_000, contextSize: CONTEXT, threads: 1 });
  const short = createModelCandidateSource(model, { maxTokens: 8, contextSize: CONTEXT, threads: 1 });
  const source = {
    name: endless.name,
    maxPromptTokens: endless.maxPromptTokens,
    countTokens: endless.countTokens,
    calls: 0,
    generate(p: Parameters<CandidateSource["generate"]>[0]) {
      source.calls += 1;
      return (source.calls === 1 ? endless : short).generate(p);
    },
  };
  return source;
}

/** One `/judge regenerate` comment's requests; its reply is recorded with the time it arrived. */
function mockCommand(commentId: number, replies: { body: string; at: number }[]) {
  const scope = mockCommandStart("alice", WRITE, { token: commentId === 501 });
  scope.post(`${repoPath}/issues/comments/${commentId}/reactions`, { content: "eyes" }).reply(201, {});
  mockRegeneration(scope);
  scope
    .post(`${repoPath}/issues/${PR}/comments`, (b) => {
      replies.push({ body: b.body, at: performance.now() });
      return true;
    })
    .reply(201, {
      id: 90000 + commentId,
      html_url: `https://github.com/acme/shop/pull/${PR}#issuecomment-1`,
    });
  return scope;
}

describe("/judge regenerate under a time budget", () => {
  it("a generator that never stops: the reply says it timed out within the budget plus a few seconds, and the next job runs", async () => {
    const generator = endlessThenShort();
    h = await createCommandHarness(generator, {
      commandBudget: { seconds: BUDGET_S, source: "JOB_TIMEOUT_COMMAND_S" },
    });
    const replies: { body: string; at: number }[] = [];
    mockCommand(501, replies);
    mockCommand(502, replies);
    for (const [id, commentId] of [
      ["c1", 501],
      ["c2", 502],
    ] as const) {
      await h.probot.receive({
        id,
        name: "issue_comment",
        payload: issueCommentPayload(
          "/judge regenerate isPalindrome",
          { login: "alice" },
          { commentId },
        ) as never,
      });
    }

    const counts = await h.drainCounts();

    // The first job failed once, for good (no retry loop); the second, on the same worker, ran to its reply.
    expect(counts).toMatchObject({ queued: 0, running: 0, failed: 1, dead: 0, done: 1 });
    expect(h.starts.map((s) => [s.job.deliveryId, s.job.attempt])).toEqual([
      ["c1", 1],
      ["c2", 1],
    ]);
    expect(generator.calls).toBe(2);
    expect(h.results).toEqual(["nothing"]);
    expect(replies).toHaveLength(2);
    const [timedOut, next] = replies;
    expect(timedOut?.body).toBe(
      "**java-judge** did not finish in 2 s (the budget set by `JOB_TIMEOUT_COMMAND_S` on the server): it stopped while regenerating `Strings.isPalindrome`; 0 of 1 method was done.",
    );
    const late = (timedOut!.at - h.starts[0]!.at) / 1000 - BUDGET_S;
    process.stderr.write(`regenerate deadline: reply ${late.toFixed(3)} s after the ${BUDGET_S} s budget\n`);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(3);
    expect(next?.body).toMatch(/^\*\*java-judge\*\* has no suggestion for this method:/);
    expect(next?.body).toContain("no candidate survived");
    expect(nock.pendingMocks()).toEqual([]);
  }, 60_000);
});
