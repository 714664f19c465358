import type { SimpleGit } from "simple-git";
import { decodeSource } from "./decode-source.js";
import { type ChangedMethodPair, pairChangedMethods } from "./find-changed-methods.js";
import { listChangedFiles } from "./list-changed-files.js";
import type { JavaParser } from "./load-java-parser.js";

export interface ListChangedMethodPairsParams {
  git: SimpleGit;
  /** Full shas (see resolveCommit). */
  baseSha: string;
  headSha: string;
  parser: JavaParser;
  /** Which `.java` paths (head side) to read; default all. */
  includePath?: (path: string) => boolean;
}

/** The changed methods between two commits with their base counterparts, `.java` files only, in path order. */
export async function listChangedMethodPairs(
  params: ListChangedMethodPairsParams,
): Promise<ChangedMethodPair[]> {
  const { git, baseSha, headSha, parser, includePath = () => true } = params;
  const files = (await listChangedFiles(git, baseSha, headSha)).filter(
    (f) => f.path.endsWith(".java") && includePath(f.path),
  );
  const pairs: ChangedMethodPair[] = [];
  for (const file of files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const headText = await readSource(git, headSha, file.path);
    if (headText === null) continue;
    const baseText = file.basePath === null ? null : await readSource(git, baseSha, file.basePath);
    const baseMethods = baseText === null ? null : parser.extractMethods(file.path, baseText);
    pairs.push(...pairChangedMethods(baseMethods, parser.extractMethods(file.path, headText)));
  }
  return pairs;
}

/** The file's text at a commit; null when it is binary (a `.java` name does not make it source). */
async function readSource(git: SimpleGit, sha: string, path: string): Promise<string | null> {
  const decoded = decodeSource(await git.showBuffer([`${sha}:${path}`]));
  return decoded.binary ? null : decoded.text;
}
