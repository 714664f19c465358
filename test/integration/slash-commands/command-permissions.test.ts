import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CommandHarness,
  createCommandHarness,
  mockCommandStart,
  PR,
  recordedGenerator,
  repoPath,
} from "./command-harness.js";
import { issueCommentPayload } from "./payloads.js";

let h: CommandHarness;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  h = await createCommandHarness(recordedGenerator("isPalindrome"));
});
afterEach(async () => {
  nock.cleanAll();
  await h.close();
});

const HEAD = "c".repeat(40);

function expectReview(scope: nock.Scope, commentId: number) {
  const reacted: unknown[] = [];
  scope
    .post(`${repoPath}/issues/comments/${commentId}/reactions`, (b) => {
      reacted.push(b);
      return true;
    })
    .reply(201, { id: 1, content: "eyes" });
  scope
    .get(`${repoPath}/pulls/${PR}`)
    .reply(200, { number: PR, head: { sha: HEAD }, base: { sha: "b".repeat(40) }, draft: false });
  return reacted;
}

describe("/judge permission matrix", () => {
  const allowed = [
    { role_name: "admin", permission: "admin" },
    { role_name: "maintain", permission: "write" },
    { role_name: "write", permission: "write" },
  ];
  for (const role of allowed) {
    it(`runs the command for ${role.role_name}`, async () => {
      const scope = mockCommandStart("alice", role);
      const reacted = expectReview(scope, 501);
      await h.probot.receive({
        id: `d-${role.role_name}`,
        name: "issue_comment",
        payload: issueCommentPayload("/judge", { login: "alice" }) as never,
      });
      await h.drain();
      expect(h.results).toEqual(["review-enqueued"]);
      expect(reacted).toEqual([{ content: "eyes" }]);
      expect(h.reviewJobs.map((j) => [j.deliveryId, j.payload])).toEqual([
        [
          `d-${role.role_name}:review`,
          expect.objectContaining({ pullNumber: PR, headSha: HEAD, reason: "command", explicit: true }),
        ],
      ]);
      expect(scope.isDone()).toBe(true);
    });
  }

  const refused: [string, { role_name: string; permission: string } | 404, string][] = [
    ["triage", { role_name: "triage", permission: "read" }, "you have triage"],
    ["read", { role_name: "read", permission: "read" }, "you have read"],
    ["none", { role_name: "none", permission: "none" }, "you have none"],
    ["a stranger GitHub does not list", 404, "you have none"],
    ["a custom role based on read", { role_name: "auditor", permission: "read" }, "you have read"],
  ];
  for (const [who, role, says] of refused) {
    it(`refuses ${who} with a short reply, no 👀 and no job`, async () => {
      const scope = mockCommandStart("mallory", role);
      const replies: { body: string }[] = [];
      scope
        .post(`${repoPath}/issues/${PR}/comments`, (b) => {
          replies.push(b);
          return true;
        })
        .reply(201, { id: 9, html_url: "u" });
      await h.probot.receive({
        id: "d",
        name: "issue_comment",
        payload: issueCommentPayload("/judge regenerate", { login: "mallory" }) as never,
      });
      await h.drain();
      expect(h.results).toEqual(["denied"]);
      expect(replies).toEqual([
        {
          body: `@mallory \`/judge\` commands need write permission on this repository (write, maintain or admin); ${says}.`,
        },
      ]);
      expect(h.reviewJobs).toEqual([]);
      expect(scope.isDone()).toBe(true);
    });
  }

  it("ignores bots, the app itself included, without any GitHub call", async () => {
    await h.probot.receive({
      id: "b1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge", { login: "dependabot[bot]", type: "Bot" }) as never,
    });
    await h.probot.receive({
      id: "b2",
      name: "issue_comment",
      payload: issueCommentPayload("/judge help", { login: "java-judge[bot]", type: "Bot" }) as never,
    });
    expect(await h.queue.counts()).toMatchObject({ queued: 0, running: 0, done: 0 });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("ignores a command on a plain issue and a comment that is not a command", async () => {
    await h.probot.receive({
      id: "i1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge", { login: "alice" }, { onIssue: true }) as never,
    });
    await h.probot.receive({
      id: "i2",
      name: "issue_comment",
      payload: issueCommentPayload("Looks good. /judge later", { login: "alice" }) as never,
    });
    expect(await h.queue.counts()).toMatchObject({ queued: 0, done: 0 });
  });

  it("enqueues one job per delivery, even when GitHub delivers it twice", async () => {
    const payload = issueCommentPayload("/judge", { login: "alice" }) as never;
    await h.probot.receive({ id: "same", name: "issue_comment", payload });
    await h.probot.receive({ id: "same", name: "issue_comment", payload });
    expect((await h.queue.counts()).queued).toBe(1);
  });
});
