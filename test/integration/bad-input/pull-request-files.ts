import type nock from "nock";
import { OWNER, PR, REPO } from "../support/webhook-payloads.js";

const repoPath = `/repos/${OWNER}/${REPO}`;

export interface ListedFile {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

/** `pulls.listFiles` over as many 100-file pages as it takes, linked the way GitHub links them. */
export function mockFilePages(scope: nock.Scope, files: ListedFile[]): void {
  const pages = Math.max(1, Math.ceil(files.length / 100));
  for (let page = 1; page <= pages; page++) {
    const link =
      page < pages
        ? {
            link: `<https://api.github.com${repoPath}/pulls/${PR}/files?per_page=100&page=${page + 1}>; rel="next", <https://api.github.com${repoPath}/pulls/${PR}/files?per_page=100&page=${pages}>; rel="last"`,
          }
        : undefined;
    scope
      .get(`${repoPath}/pulls/${PR}/files`)
      .query(page === 1 ? { per_page: 100 } : { per_page: 100, page })
      .reply(200, files.slice((page - 1) * 100, page * 100), link);
  }
}

/** The contents API's answer for one file at one ref, from raw bytes (as GitHub base64-encodes them). */
export function mockRawContents(scope: nock.Scope, path: string, ref: string, bytes: Buffer): void {
  scope
    .get(`${repoPath}/contents/${encodeURIComponent(path)}`)
    .query({ ref })
    .reply(200, {
      type: "file",
      encoding: "base64",
      size: bytes.length,
      path,
      content: bytes.toString("base64"),
    });
}

/** A file of 1-100 MB: GitHub answers its metadata with an empty content and encoding "none". */
export function mockLargeContents(scope: nock.Scope, path: string, ref: string, size: number): void {
  scope
    .get(`${repoPath}/contents/${encodeURIComponent(path)}`)
    .query({ ref })
    .reply(200, { type: "file", encoding: "none", size, path, content: "" });
}
