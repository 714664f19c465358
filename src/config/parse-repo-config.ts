import type { z } from "zod";
import { type RepoConfig, repoConfigSchema } from "./repo-config-schema.js";

export type ParseRepoConfigResult = { ok: true; config: RepoConfig } | { ok: false; error: string };

export const CONFIG_PATH = ".github/java-judge.yml";

/** Validates the repo config (already YAML-parsed; null/undefined = no file = all defaults). */
export function parseRepoConfig(raw: unknown): ParseRepoConfigResult {
  const input = raw === null || raw === undefined ? {} : withoutExtends(raw);
  const parsed = repoConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue ? describeIssue(issue) : `${CONFIG_PATH} is invalid` };
}

/** The config with every default: what a repository without a config file gets. */
export function defaultRepoConfig(): RepoConfig {
  return repoConfigSchema.parse({});
}

function withoutExtends(raw: unknown): unknown {
  // `_extends` is resolved by Probot's config loader; a leftover one is not a key of ours.
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const { _extends: _, ...rest } = raw as Record<string, unknown>;
  return rest;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => (at ? `${at}.${k}` : k)).join(", ");
    return `${CONFIG_PATH}: unknown key ${keys} (see docs/config.md for the keys)`;
  }
  const where = at ? `key "${at}"` : "the file";
  return `${CONFIG_PATH}: ${where}: ${issue.message.replace(/^Invalid input: /, "")}`;
}
