import { matchGlob } from "../config/match-glob.js";

/** Test code: Maven/Gradle test roots, `test/` and `tests/` folders, and the usual test class names. */
const TEST_SOURCE = [/(^|\/)src\/test\//, /(^|\/)tests?\//, /(Test|Tests|IT|TestCase)\.java$/];

function isTestSource(path: string): boolean {
  return TEST_SOURCE.some((re) => re.test(path));
}

export interface SourcePathOptions {
  /** Globs as matchGlob reads them; empty = every `.java` file. */
  paths: readonly string[];
  includeTests: boolean;
}

/** Which repository paths the dataset reads: `.java` files under the globs, test sources only when asked. */
export function createSourcePathFilter(options: SourcePathOptions): (path: string) => boolean {
  return (path) =>
    path.endsWith(".java") &&
    (options.paths.length === 0 || options.paths.some((glob) => matchGlob(glob, path))) &&
    (options.includeTests || !isTestSource(path));
}
