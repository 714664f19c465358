import nock from "nock";
import { API } from "../support/fake-github.js";
import { makePatch } from "../support/java-fixtures.js";
import { baseText, headText, STRINGS_PATH } from "../support/strings-fixture.js";
import { BASE_SHA, OWNER, PR } from "../support/webhook-payloads.js";
import { repoPath } from "./command-harness.js";

export const HEAD = "c".repeat(40);
export { baseText, headText, STRINGS_PATH };

/** A request body GitHub was sent, as nock parsed it. */
export type Body = { body: string; [key: string]: unknown };

export interface Posted {
  reviewComments: Body[];
  replies: Body[];
  threadReplies: Body[];
}

/** nock for a regeneration after the command's start: the PR, its files, contents, and what it posts. */
export function mockRegeneration(scope: nock.Scope = nock(API)): Posted {
  const posted: Posted = { reviewComments: [], replies: [], threadReplies: [] };
  scope
    .get(`${repoPath}/pulls/${PR}`)
    .reply(200, { number: PR, head: { sha: HEAD }, base: { sha: BASE_SHA } });
  scope
    .get(`${repoPath}/pulls/${PR}/files`)
    .query({ per_page: 100 })
    .reply(200, [{ filename: STRINGS_PATH, status: "modified", patch: makePatch(baseText, headText) }]);
  scope
    .get(`${repoPath}/compare/${BASE_SHA}...${HEAD}`)
    .query({ per_page: 1 })
    .reply(200, { merge_base_commit: { sha: BASE_SHA } });
  const file = (text: string) => ({
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(text),
    path: STRINGS_PATH,
    content: Buffer.from(text).toString("base64"),
  });
  const contents = `${repoPath}/contents/${encodeURIComponent(STRINGS_PATH)}`;
  scope.get(contents).query({ ref: BASE_SHA }).reply(200, file(baseText));
  scope.get(contents).query({ ref: HEAD }).times(2).reply(200, file(headText));
  return posted;
}

export function acceptReviewComment(scope: nock.Scope, posted: Posted, id = 80001) {
  scope
    .post(`${repoPath}/pulls/${PR}/comments`, (b) => {
      posted.reviewComments.push(b);
      return true;
    })
    .reply(201, { id, html_url: `https://github.com/${OWNER}/shop/pull/${PR}#discussion_r${id}` });
}

export function acceptIssueReply(scope: nock.Scope, posted: Posted) {
  scope
    .post(`${repoPath}/issues/${PR}/comments`, (b) => {
      posted.replies.push(b);
      return true;
    })
    .reply(201, { id: 90001, html_url: `https://github.com/${OWNER}/shop/pull/${PR}#issuecomment-90001` });
}
