import nock from "nock";
import { BASE_SHA, INSTALLATION, OWNER, PR, REPO } from "./webhook-payloads.js";

export const API = "https://api.github.com";
const repoPath = `/repos/${OWNER}/${REPO}`;

export interface Captured {
  checkRunCreates: any[];
  checkRunUpdates: any[];
  reviews: any[];
  graphql: any[];
}

export interface FileAt {
  path: string;
  /** Contents by sha; a sha missing here answers 404. */
  contents: Record<string, string>;
  status?: string;
  patch?: string;
}

/** nock stand-ins for the GitHub endpoints of one review job, recording what the app posts. */
export function mockGitHub() {
  const captured: Captured = { checkRunCreates: [], checkRunUpdates: [], reviews: [], graphql: [] };
  const scope = nock(API);
  const api = {
    captured,
    scope,
    token() {
      scope.post(`/app/installations/${INSTALLATION}/access_tokens`).reply(201, {
        token: "ghs_test",
        expires_at: "2999-01-01T00:00:00Z",
        permissions: { checks: "write", pull_requests: "write", contents: "read" },
      });
      return api;
    },
    createCheckRun(id = 555) {
      scope
        .post(`${repoPath}/check-runs`, (b) => (captured.checkRunCreates.push(b), true))
        .reply(201, { id });
      return api;
    },
    updateCheckRun(id = 555, times = 1) {
      scope
        .patch(`${repoPath}/check-runs/${id}`, (b) => (captured.checkRunUpdates.push(b), true))
        .times(times)
        .reply(200, { id });
      return api;
    },
    config(yaml: string | null) {
      const path = `${repoPath}/contents/.github%2Fjava-judge.yml`;
      if (yaml === null) {
        scope.get(path).reply(404, { message: "Not Found" });
        scope
          .get(`/repos/${OWNER}/.github/contents/.github%2Fjava-judge.yml`)
          .reply(404, { message: "Not Found" });
      } else scope.get(path).reply(200, yaml, { "content-type": "text/plain; charset=utf-8" });
      return api;
    },
    files(files: FileAt[]) {
      scope
        .get(`${repoPath}/pulls/${PR}/files`)
        .query({ per_page: 100 })
        .reply(
          200,
          files.map((f) => ({ filename: f.path, status: f.status ?? "modified", patch: f.patch })),
        );
      return api;
    },
    mergeBase(headSha: string) {
      scope
        .get(`${repoPath}/compare/${BASE_SHA}...${headSha}`)
        .query({ per_page: 1 })
        .reply(200, { merge_base_commit: { sha: BASE_SHA } });
      return api;
    },
    contents(file: FileAt) {
      for (const [sha, text] of Object.entries(file.contents)) {
        scope
          .get(`${repoPath}/contents/${encodeURIComponent(file.path)}`)
          .query({ ref: sha })
          .reply(200, {
            type: "file",
            encoding: "base64",
            size: Buffer.byteLength(text),
            path: file.path,
            content: Buffer.from(text).toString("base64"),
          });
      }
      return api;
    },
    head(sha: string, times = 2) {
      scope
        .get(`${repoPath}/pulls/${PR}`)
        .times(times)
        .reply(200, { number: PR, head: { sha }, base: { sha: BASE_SHA } });
      return api;
    },
    existingComments(comments: unknown[]) {
      scope.get(`${repoPath}/pulls/${PR}/comments`).query({ per_page: 100 }).reply(200, comments);
      return api;
    },
    /** Accepts a review, answering its comments as GitHub would list them back. */
    createReview(reviewId = 9001, firstCommentId = 70001) {
      let posted: any;
      scope
        .post(`${repoPath}/pulls/${PR}/reviews`, (b) => {
          captured.reviews.push(b);
          posted = b;
          return true;
        })
        .reply(200, () => ({ id: reviewId }));
      scope
        .get(`${repoPath}/pulls/${PR}/reviews/${reviewId}/comments`)
        .query({ per_page: 100 })
        .reply(200, () =>
          (posted?.comments ?? []).map((c: any, i: number) => ({
            id: firstCommentId + i,
            node_id: `PRRC_${firstCommentId + i}`,
            body: c.body,
            path: c.path,
            line: c.line,
          })),
        );
      return api;
    },
    graphql(reply: (body: any) => unknown, times = 1) {
      scope
        .post("/graphql", (b) => (captured.graphql.push(b), true))
        .times(times)
        .reply(200, (_uri, body) => reply(body));
      return api;
    },
  };
  return api;
}
