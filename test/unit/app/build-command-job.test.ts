import { describe, expect, it } from "vitest";
import {
  buildCommandJobFromCheckRun,
  buildCommandJobFromComment,
} from "../../../src/app/build-command-job.js";

const base = {
  installation: { id: 9 },
  repository: { name: "shop", owner: { login: "acme" } },
  sender: { login: "alice", type: "User" },
};
const issue = (body: string, over: Record<string, unknown> = {}) => ({
  ...base,
  issue: { number: 7, state: "open", pull_request: {} },
  comment: { id: 11, body, user: { login: "alice", type: "User" } },
  ...over,
});

describe("buildCommandJobFromComment", () => {
  it("makes a command job from a PR comment, with no GitHub call", () => {
    expect(buildCommandJobFromComment("d1", issue("/judge regenerate\nmore"))).toEqual({
      job: {
        type: "command",
        deliveryId: "d1",
        payload: {
          installationId: 9,
          owner: "acme",
          repo: "shop",
          pullNumber: 7,
          commandLine: "/judge regenerate",
          source: "issue_comment",
          sender: "alice",
          commentId: 11,
          threadRootId: null,
          path: null,
          line: null,
        },
      },
    });
  });

  it("keeps a review comment's thread and line", () => {
    const built = buildCommandJobFromComment("d2", {
      ...base,
      pull_request: { number: 7, state: "open" },
      comment: {
        id: 12,
        body: "/judge regenerate",
        in_reply_to_id: 10,
        path: "A.java",
        line: null,
        original_line: 4,
      },
    });
    expect("job" in built && built.job.payload).toMatchObject({
      source: "review_comment",
      threadRootId: 10,
      path: "A.java",
      line: 4,
    });
  });

  it("skips plain issues, bots, non-commands, closed PRs and missing installations", () => {
    expect(buildCommandJobFromComment("d", issue("/judge", { issue: { number: 7 } }))).toEqual({
      skip: "a comment on an issue, not a pull request",
    });
    expect(
      buildCommandJobFromComment(
        "d",
        issue("/judge", { comment: { id: 1, body: "/judge", user: { login: "x[bot]", type: "Bot" } } }),
      ),
    ).toEqual({ skip: "comment by a bot (x[bot])" });
    expect(buildCommandJobFromComment("d", issue("nice"))).toEqual({ skip: "not a /judge command" });
    expect(
      buildCommandJobFromComment(
        "d",
        issue("/judge", { issue: { number: 7, state: "closed", pull_request: {} } }),
      ),
    ).toEqual({
      skip: "pull request is closed",
    });
    expect(buildCommandJobFromComment("d", issue("/judge", { installation: null }))).toEqual({
      skip: "no installation in the payload",
    });
  });
});

describe("buildCommandJobFromCheckRun", () => {
  const run = (identifier: string, name = "java-judge") => ({
    ...base,
    requested_action: { identifier },
    check_run: { name, head_sha: "h", pull_requests: [{ number: 3, head: { sha: "h" } }] },
  });
  it("turns Suggest fixes into /judge regenerate for the run's PR", () => {
    const built = buildCommandJobFromCheckRun("d", run("suggest"));
    expect("job" in built && built.job.payload).toMatchObject({
      pullNumber: 3,
      commandLine: "/judge regenerate",
      source: "check_run",
    });
  });
  it("leaves the other button and other apps' runs alone", () => {
    expect(buildCommandJobFromCheckRun("d", run("rerun"))).toEqual({ skip: "not the Suggest fixes button" });
    expect(buildCommandJobFromCheckRun("d", run("suggest", "other"))).toEqual({
      skip: "check run other is not ours",
    });
  });
});
