import { decodeSource } from "../java/decode-source.js";
import { toRetryableError } from "./to-retryable-error.js";
import type { GitHubClient, RepoRef } from "./types.js";

// The contents API returns a file's content inline only up to 1 MB; a Java method worth judging never needs more.
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileText =
  | { kind: "text"; text: string }
  | { kind: "missing" }
  | { kind: "skipped"; reason: string };

/** One file's text at a commit, through the contents API (works for files whose patch GitHub omits). */
export async function fetchFileText(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  path: string;
  ref: string;
}): Promise<FileText> {
  const { octokit, repo, path, ref } = params;
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ ...repo, path, ref }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { kind: "missing" };
    throw toRetryableError(error, `fetching ${path} at ${ref.slice(0, 7)}`);
  }
  const file = data as { type?: string; size?: number; encoding?: string; content?: string };
  if (Array.isArray(data) || file.type !== "file") return { kind: "skipped", reason: "not a regular file" };
  if ((file.size ?? 0) > MAX_FILE_BYTES || file.encoding !== "base64") {
    return { kind: "skipped", reason: "larger than 1 MB" };
  }
  const decoded = decodeSource(Buffer.from(file.content ?? "", "base64"));
  if (decoded.binary) return { kind: "skipped", reason: "binary file" };
  if (decoded.text.includes("\uFFFD")) return { kind: "skipped", reason: "not valid UTF-8" };
  return { kind: "text", text: decoded.text };
}
