import type { SimpleGit } from "simple-git";
import { decodeSource } from "../java/decode-source.js";
import type { JavaSyntaxParser } from "../java/load-java-parser.js";
import { createRandom } from "./create-random.js";
import { isExampleMethod, methodExampleInput } from "./method-example-input.js";
import { mutateMethod } from "./mutate-method.js";
import { listTreeFiles, readGitBlobs } from "./read-git-blobs.js";
import type { DatasetExample } from "./types.js";

export interface CollectMutantExamplesParams {
  git: SimpleGit;
  repoDir: string;
  /** The commit to read (full sha). */
  sha: string;
  includePath: (path: string) => boolean;
  parser: JavaSyntaxParser;
  perMethod: number;
  seed: number;
  log: (line: string) => void;
}

export interface MutantStats {
  files: number;
  /** Methods with a body that parse without error: each is one example labelled 1. */
  methods: number;
  /** Declarations left out: no body (abstract, interface, native) or a syntax error. */
  skippedMethods: number;
  /** Methods that gave no mutant (no site any operator applies to, or every try rejected). */
  methodsWithoutMutants: number;
  mutants: number;
  /** Mutations thrown away: broken syntax or signature, or no token changed. */
  rejectedMutations: number;
  byOperator: Record<string, number>;
}

/** Files read per `git cat-file` process: bounds the memory held at once. */
const BATCH = 256;

/**
 * Every method with a body at the commit (label 1) and up to `perMethod` mutants of each (label 0), files in
 * path order, methods in file order: the same commit, paths and seed give the same examples.
 */
export async function collectMutantExamples(
  params: CollectMutantExamplesParams,
): Promise<{ examples: DatasetExample[]; stats: MutantStats }> {
  const { git, repoDir, sha, includePath, parser, perMethod, seed, log } = params;
  const files = (await listTreeFiles(git, sha))
    .filter((f) => includePath(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const stats: MutantStats = {
    files: files.length,
    methods: 0,
    skippedMethods: 0,
    methodsWithoutMutants: 0,
    mutants: 0,
    rejectedMutations: 0,
    byOperator: {},
  };
  const examples: DatasetExample[] = [];
  // Methods sharing a key (enum constant bodies) each get their own stream of choices.
  const occurrences = new Map<string, number>();
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH);
    const blobs = await readGitBlobs(
      repoDir,
      batch.map((f) => f.oid),
    );
    batch.forEach((file, i) => {
      const decoded = decodeSource(blobs[i] ?? Buffer.alloc(0));
      if (decoded.binary) return;
      for (const method of parser.extractMethods(file.path, decoded.text)) {
        if (!isExampleMethod(method)) {
          stats.skippedMethods++;
          continue;
        }
        const occurrence = occurrences.get(method.key) ?? 0;
        occurrences.set(method.key, occurrence + 1);
        const { task, code } = methodExampleInput(method);
        stats.methods++;
        examples.push({ task, code, label: 1, key: method.key, source: "original" });
        if (perMethod === 0) continue;
        const result = mutateMethod({
          code,
          shape: method,
          parser,
          count: perMethod,
          random: createRandom(seed, method.key, occurrence),
        });
        stats.rejectedMutations += result.rejected;
        if (result.mutants.length === 0) stats.methodsWithoutMutants++;
        for (const mutant of result.mutants) {
          stats.mutants++;
          stats.byOperator[mutant.operator] = (stats.byOperator[mutant.operator] ?? 0) + 1;
          examples.push({
            task,
            code: mutant.code,
            label: 0,
            key: method.key,
            source: `mutant:${mutant.operator}`,
          });
        }
      }
    });
    const done = Math.min(from + BATCH, files.length);
    log(`mutants: ${done}/${files.length} files, ${stats.methods} methods, ${stats.mutants} mutants`);
  }
  return { examples, stats };
}
