import type { RepoConfig } from "../config/repo-config-schema.js";
import { explainFileExclusion } from "../config/select-java-file.js";
import { parsePatch } from "../diff/parse-patch.js";
import type { ParsedPatch } from "../diff/types.js";
import { fetchFileText } from "../github/fetch-file-text.js";
import type { PullFile } from "../github/list-pull-files.js";
import type { GitHubClient, RepoRef } from "../github/types.js";
import { findChangedMethods } from "../java/find-changed-methods.js";
import type { ChangedMethod, ExtractedMethod } from "../java/types.js";
import { isGeneratedFile } from "./explain-method-skip.js";
import type { SkippedFile } from "./types.js";

/** The slice of the Java parser the job needs (tree-sitter stays in src/java). */
export interface MethodExtractor {
  extractMethods(path: string, source: string): ExtractedMethod[];
}

export interface CollectedChanges {
  methods: ChangedMethod[];
  patches: Map<string, ParsedPatch>;
  /** Java files read but not reviewed, with the reason. */
  skippedFiles: SkippedFile[];
  /** Changed files the config leaves out (not Java, excluded paths, tests). */
  excludedFiles: SkippedFile[];
  reviewedFiles: number;
}

/** Steps 2-3 of the pipeline: base and head contents of every selected file, then its changed methods. */
export async function collectChangedMethods(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  files: PullFile[];
  baseSha: string;
  headSha: string;
  config: RepoConfig;
  parser: MethodExtractor;
}): Promise<CollectedChanges> {
  const { octokit, repo, config, parser } = params;
  const out: CollectedChanges = {
    methods: [],
    patches: new Map(),
    skippedFiles: [],
    excludedFiles: [],
    reviewedFiles: 0,
  };
  for (const file of params.files) {
    // Deleted files are not listed: they have no method to judge.
    if (file.status === "removed") continue;
    const excluded = explainFileExclusion(config, file.path);
    if (excluded) {
      out.excludedFiles.push({ path: file.path, reason: excluded });
      continue;
    }
    const head = await fetchFileText({ octokit, repo, path: file.path, ref: params.headSha });
    if (head.kind !== "text") {
      out.skippedFiles.push({
        path: file.path,
        reason: head.kind === "missing" ? "not found at the head commit" : head.reason,
      });
      continue;
    }
    if (isGeneratedFile(head.text)) {
      out.skippedFiles.push({ path: file.path, reason: "generated file" });
      continue;
    }
    const base =
      file.status === "added"
        ? ({ kind: "missing" } as const)
        : await fetchFileText({ octokit, repo, path: file.basePath, ref: params.baseSha });
    if (base.kind === "skipped") {
      out.skippedFiles.push({ path: file.path, reason: `base version: ${base.reason}` });
      continue;
    }
    const baseMethods = base.kind === "text" ? parser.extractMethods(file.basePath, base.text) : null;
    const headMethods = parser.extractMethods(file.path, head.text);
    out.methods.push(...findChangedMethods(baseMethods, headMethods));
    out.patches.set(file.path, parsePatch(file.patch));
    out.reviewedFiles++;
  }
  return out;
}
