import { parse } from "yaml";
import { mergeConfig } from "../config/merge-config.js";
import { CONFIG_PATH, parseRepoConfig } from "../config/parse-repo-config.js";
import { UsageError } from "../errors.js";

/**
 * The action's `config` input: YAML in the same keys as `.github/java-judge.yml`, checked against the same
 * schema up front, so a wrong key fails the step (exit 2) before anything is posted.
 */
export function parseConfigOverrides(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`the config input is not YAML: ${why}`);
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new UsageError("the config input must be a YAML mapping of .github/java-judge.yml keys");
  }
  if ("_extends" in raw)
    throw new UsageError("the config input cannot use _extends: put it in .github/java-judge.yml");
  const checked = parseRepoConfig(raw);
  if (!checked.ok) throw new UsageError(`the config input: ${checked.error.replace(`${CONFIG_PATH}: `, "")}`);
  return raw as Record<string, unknown>;
}

/** The repository's config with the overrides on top: objects merged key by key, anything else replaced. */
export function mergeConfigOverrides(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  return mergeConfig(base, overrides);
}
