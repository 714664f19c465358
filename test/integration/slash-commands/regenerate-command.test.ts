import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseMarker, renderMarker } from "../../../src/github/render-marker.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { API } from "../support/fake-github.js";
import { checkRunPayload, INSTALLATION } from "../support/webhook-payloads.js";
import {
  type CommandHarness,
  createCommandHarness,
  mockCommandStart,
  PR,
  recordedGenerator,
  repoPath,
} from "./command-harness.js";
import { issueCommentPayload, reviewCommentPayload } from "./payloads.js";
import {
  acceptIssueReply,
  acceptReviewComment,
  HEAD,
  headText,
  mockRegeneration,
  STRINGS_PATH,
} from "./regenerate-flow.js";

let h: CommandHarness;
let generator: ReturnType<typeof recordedGenerator>;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  generator = recordedGenerator("isPalindrome");
  h = await createCommandHarness(generator);
});
afterEach(async () => {
  nock.cleanAll();
  await h.close();
});

const WRITE = { role_name: "write", permission: "write" };
const SUGGESTED = [
  "```suggestion",
  "    public static boolean isPalindrome(String text) {",
  "        // Keep only letters and digits, lower-cased, then compare with the reverse.",
  '        String cleaned = text.toLowerCase(LOCALE).replaceAll("[^a-z0-9]", "");',
  "        return new StringBuilder(cleaned).reverse().toString().equals(cleaned);",
  "    }",
  "```",
].join("\n");

async function palindrome() {
  const parser = await loadJavaParser();
  return parser.extractMethods(STRINGS_PATH, headText).find((m) => m.name === "isPalindrome")!;
}

describe("/judge regenerate", () => {
  it("posts the judge's best candidate as a one-click suggestion on the flagged method's lines", async () => {
    const scope = mockCommandStart("alice", WRITE);
    scope.post(`${repoPath}/issues/comments/501/reactions`, { content: "eyes" }).reply(201, {});
    const posted = mockRegeneration(scope);
    acceptReviewComment(scope, posted);
    acceptIssueReply(scope, posted);

    await h.probot.receive({
      id: "r1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge regenerate", { login: "alice" }) as never,
    });
    await h.drain();

    const method = await palindrome();
    expect(h.results).toEqual(["posted"]);
    expect(posted.reviewComments).toHaveLength(1);
    const comment = posted.reviewComments[0]!;
    expect(comment).toMatchObject({
      commit_id: HEAD,
      path: STRINGS_PATH,
      start_line: method.startLine,
      line: method.endLine,
      side: "RIGHT",
      start_side: "RIGHT",
    });
    expect(parseMarker(comment.body)).toEqual({ methodKey: method.key, bodyHash: method.hash });
    expect(comment.body.startsWith(renderMarker(method.key, method.hash))).toBe(true);
    expect(comment.body).toContain(SUGGESTED);
    expect(comment.body).toMatch(/best of 4 distinct candidates from 10 written by recording/);
    expect(posted.replies).toHaveLength(1);
    expect(posted.replies[0]!.body).toMatch(
      new RegExp(
        `^\\*\\*java-judge\\*\\* suggested a fix for 1 of 1 method:\\n\\n- \`Strings.isPalindrome\` \\(${STRINGS_PATH}:${method.startLine}\\): \\[suggestion\\]\\(https://github.com/acme/shop/pull/7#discussion_r80001\\), score 0\\.\\d\\d against 0\\.\\d\\d\\.$`,
      ),
    );
    // The prompt had the class context: the field the method should use, and the description.
    expect(generator.prompts[0]).toContain("### Fields\nprivate static final Locale LOCALE = Locale.ROOT;");
    expect(generator.prompts[0]).toContain(
      "ignoring case\nand every character that is not a letter or a digit.",
    );
    expect(scope.isDone()).toBe(true);
  });

  it("takes a thread's method from the marker of the thread's first comment and answers in the thread", async () => {
    const method = await palindrome();
    const scope = mockCommandStart("alice", WRITE);
    scope.post(`${repoPath}/pulls/comments/602/reactions`, { content: "eyes" }).reply(201, {});
    scope.get(`${repoPath}/pulls/comments/70001`).reply(200, {
      id: 70001,
      body: `${renderMarker(method.key, method.hash)}\n**java-judge** doubts ...`,
      user: { login: "java-judge[bot]", type: "Bot" },
    });
    const posted = mockRegeneration(scope);
    acceptReviewComment(scope, posted);
    scope
      .post(`${repoPath}/pulls/${PR}/comments/70001/replies`, (b) => {
        posted.threadReplies.push(b);
        return true;
      })
      .reply(201, { id: 70002, html_url: "https://github.com/acme/shop/pull/7#discussion_r70002" });

    // The reply sits on a line of another method: the thread's method wins.
    const payload = reviewCommentPayload(
      "/judge regenerate",
      { login: "alice" },
      { path: STRINGS_PATH, line: 3, inReplyTo: 70001, commentId: 602 },
    );
    await h.probot.receive({ id: "t1", name: "pull_request_review_comment", payload: payload as never });
    await h.drain();

    expect(h.results).toEqual(["posted"]);
    expect(posted.reviewComments[0]!.body).toContain(SUGGESTED);
    expect(posted.threadReplies).toHaveLength(1);
    expect(posted.threadReplies[0]!.body).toContain("suggested a fix for 1 of 1 method");
    expect(scope.isDone()).toBe(true);
  });

  it("says so in the reply when no candidate survives the filter", async () => {
    h.close();
    h = await createCommandHarness(recordedGenerator("no such method"));
    const scope = mockCommandStart("alice", WRITE);
    scope.post(`${repoPath}/issues/comments/501/reactions`).reply(201, {});
    const posted = mockRegeneration(scope);
    acceptIssueReply(scope, posted);

    await h.probot.receive({
      id: "n1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge regenerate isPalindrome", { login: "alice" }) as never,
    });
    await h.drain();

    const method = await palindrome();
    expect(h.results).toEqual(["nothing"]);
    expect(posted.reviewComments).toEqual([]);
    expect(posted.replies.map((r) => r.body)).toEqual([
      `**java-judge** has no suggestion for this method:\n\n- \`Strings.isPalindrome\` (${STRINGS_PATH}:${method.startLine}): no candidate survived: of 10 written, 10 empty.`,
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it("answers a name that matches no changed method", async () => {
    const scope = mockCommandStart("alice", WRITE);
    scope.post(`${repoPath}/issues/comments/501/reactions`).reply(201, {});
    const posted = mockRegeneration(scope);
    scope
      .get(`${repoPath}/contents/${encodeURIComponent(STRINGS_PATH)}`)
      .query({ ref: HEAD })
      .reply(200, {});
    acceptIssueReply(scope, posted);
    await h.probot.receive({
      id: "m1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge regenerate countWords", { login: "alice" }) as never,
    });
    await h.drain();
    expect(h.results).toEqual(["no-target"]);
    expect(posted.replies.map((r) => r.body)).toEqual([
      "No changed method of this pull request matches `countWords`.",
    ]);
  });

  it("does what /judge regenerate does for the check run's Suggest fixes button", async () => {
    const scope = mockCommandStart("octocat", WRITE);
    const posted = mockRegeneration(scope);
    acceptReviewComment(scope, posted);
    acceptIssueReply(scope, posted);
    const payload = checkRunPayload("requested_action", 555, HEAD);
    payload.requested_action = { identifier: "suggest" };
    payload.sender = { ...payload.sender, login: "octocat", type: "User" };
    await h.probot.receive({ id: "c1", name: "check_run", payload: payload as never });
    await h.drain();
    expect(h.results).toEqual(["posted"]);
    expect(posted.reviewComments[0]!.body).toContain(SUGGESTED);
    expect(posted.replies[0]!.body).toContain("suggested a fix for 1 of 1 method");
    expect(scope.isDone()).toBe(true);
  });
});

describe("help and limits", () => {
  it("answers /judge help, and an unknown command with the help text", async () => {
    const scope = mockCommandStart("alice", WRITE);
    scope.post(`${repoPath}/issues/comments/501/reactions`, { content: "eyes" }).reply(201, {});
    const replies: string[] = [];
    scope
      .post(`${repoPath}/issues/${PR}/comments`, (b) => {
        replies.push(b.body);
        return true;
      })
      .times(2)
      .reply(201, { html_url: "u" });
    // The installation token of the first job is reused by the second: no second token request.
    scope.get(`${repoPath}/contents/.github%2Fjava-judge.yml`).reply(404, {});
    scope.get("/repos/acme/.github/contents/.github%2Fjava-judge.yml").reply(404, {});
    scope.get(`${repoPath}/collaborators/alice/permission`).reply(200, WRITE);
    await h.probot.receive({
      id: "h1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge help", { login: "alice" }) as never,
    });
    await h.probot.receive({
      id: "h2",
      name: "issue_comment",
      payload: issueCommentPayload("/judge fix-everything", { login: "alice" }, { commentId: 502 }) as never,
    });
    await h.drain();
    expect(h.results).toEqual(["help", "help"]);
    expect(replies[0]).toMatch(/^\*\*java-judge\*\* commands/);
    expect(replies[0]).toContain("`/judge regenerate Method` or `/judge regenerate path/File.java:42`");
    expect(replies[1]).toMatch(
      /^I don't know `\/judge fix-everything`\. These are the commands:\n\n\*\*java-judge\*\* commands/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it("replies once the hourly limit per PR is reached, and runs nothing", async () => {
    const now = new Date();
    for (let i = 0; i < 10; i++) await h.store.hit(`commands:acme/shop#${PR}`, 3600, now);
    const scope = mockCommandStart("alice", WRITE);
    const replies: string[] = [];
    scope
      .post(`${repoPath}/issues/${PR}/comments`, (b) => {
        replies.push(b.body);
        return true;
      })
      .reply(201, { html_url: "u" });
    await h.probot.receive({
      id: "l1",
      name: "issue_comment",
      payload: issueCommentPayload("/judge regenerate", { login: "alice" }) as never,
    });
    await h.drain();
    expect(h.results).toEqual(["rate-limited"]);
    expect(replies).toEqual([
      "The limit of 10 model commands per hour for this pull request is reached (`commands.hourly_limit`); try again later.",
    ]);
    expect(generator.prompts).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe("suggestions.mode: auto", () => {
  function mockAutoStart(mode: string) {
    const scope = nock(API);
    scope.post(/\/app\/installations\/\d+\/access_tokens/).reply(201, {
      token: "ghs_test",
      expires_at: "2999-01-01T00:00:00Z",
    });
    scope
      .get(`${repoPath}/contents/.github%2Fjava-judge.yml`)
      .reply(200, `suggestions:\n  mode: ${mode}\n`, { "content-type": "text/plain; charset=utf-8" });
    return scope;
  }

  async function enqueueAuto() {
    const method = await palindrome();
    await h.queue.enqueue({
      type: "command",
      deliveryId: `auto:${method.key}:${method.hash}`,
      payload: {
        installationId: INSTALLATION,
        owner: "acme",
        repo: "shop",
        pullNumber: PR,
        commandLine: `/judge regenerate ${STRINGS_PATH}:${method.startLine}`,
        source: "auto",
        sender: "java-judge",
        commentId: null,
        threadRootId: null,
        path: STRINGS_PATH,
        line: method.startLine,
      },
    });
  }

  it("regenerates the review's new finding with no permission check, no limit and no 👀", async () => {
    // nock answers only what is mocked: a permission request or a reaction would fail the job.
    const scope = mockAutoStart("auto");
    const posted = mockRegeneration(scope);
    acceptReviewComment(scope, posted);
    acceptIssueReply(scope, posted);
    await enqueueAuto();
    await h.drain();
    expect(h.results).toEqual(["posted"]);
    expect(posted.reviewComments[0]!.body).toContain(SUGGESTED);
    expect(scope.isDone()).toBe(true);
  });

  it("does nothing once the config no longer says auto", async () => {
    const scope = mockAutoStart("on-request");
    await enqueueAuto();
    await h.drain();
    expect(h.results).toEqual(["off"]);
    expect(scope.isDone()).toBe(true);
  });
});
