import { fetchFileText } from "../github/fetch-file-text.js";
import type { GitHubClient, RepoRef } from "../github/types.js";
import { findMethodsByKey } from "../java/find-methods-by-key.js";
import type { JavaParser } from "../java/load-java-parser.js";

/** What a feedback record keeps of the method the bot commented on. */
export interface FlaggedMethodText {
  description: string | null;
  signature: string;
  code: string;
}

/** The method's text at the commit the comment was made on, found by its key; null when it is gone. */
export async function loadFlaggedMethod(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  path: string;
  ref: string;
  methodKey: string;
  /** The commented text's hash, telling apart methods an older marker's key names alike. */
  hash?: string;
  parser: JavaParser;
}): Promise<FlaggedMethodText | null> {
  const file = await fetchFileText({
    octokit: params.octokit,
    repo: params.repo,
    path: params.path,
    ref: params.ref,
  });
  if (file.kind !== "text") return null;
  const methods = params.parser.extractMethods(params.path, file.text);
  const [method] = findMethodsByKey(methods, params.methodKey, params.hash);
  if (!method) return null;
  return { description: method.javadoc?.trim() || null, signature: method.signature, code: method.text };
}
