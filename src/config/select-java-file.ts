import { matchGlob } from "./match-glob.js";
import type { RepoConfig } from "./repo-config-schema.js";

const TEST_SOURCE = [/(^|\/)src\/test\//, /(^|\/)test\/java\//, /(Test|Tests|IT|TestCase)\.java$/];

/** Why a changed file is not reviewed, or null when it is. Pure: config and path in, reason out. */
export function explainFileExclusion(
  config: Pick<RepoConfig, "paths" | "skip_tests">,
  path: string,
): string | null {
  if (!path.endsWith(".java")) return "not a .java file";
  const excluded = config.paths.exclude.find((g) => matchGlob(g, path));
  if (excluded) return `excluded by paths.exclude "${excluded}"`;
  if (!config.paths.include.some((g) => matchGlob(g, path))) return "not matched by paths.include";
  if (config.skip_tests && TEST_SOURCE.some((re) => re.test(path))) return "test source (skip_tests)";
  return null;
}
