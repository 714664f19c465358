import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runProcess } from "./run-process.js";
import { TrainingError } from "./training-errors.js";
import { llamaCppBundlePath, trainingCacheDir } from "./training-paths.js";

export interface EnsureLlamaCppParams {
  log: (line: string) => void;
  /** Default trainingCacheDir(). */
  cacheDir?: string;
  /** Default node-llama-cpp's llama/gitRelease.bundle. */
  bundle?: string;
}

const READY = ".java-judge-ready";

/**
 * llama.cpp's converter, from the bundle node-llama-cpp ships (the llama.cpp it runs, so the GGUF matches the
 * runtime): cloned once into the cache dir, keyed by the bundle's commit, keeping only the converter's files
 * (convert_hf_to_gguf.py, conversion/, gguf-py/; 2 MB instead of the 200 MB tree). Returns its directory.
 */
export async function ensureLlamaCpp(params: EnsureLlamaCppParams): Promise<string> {
  const bundle = params.bundle ?? llamaCppBundlePath();
  if (!(await exists(bundle))) {
    throw new TrainingError(`${bundle} is missing: node-llama-cpp ships llama.cpp there; run \`npm ci\``);
  }
  const heads = await git(["bundle", "list-heads", bundle]);
  const commit = heads.split(/\s/)[0] ?? "";
  if (!/^[0-9a-f]{40}$/.test(commit))
    throw new TrainingError(`${bundle}: not a git bundle (${heads.trim()})`);
  const cache = params.cacheDir ?? trainingCacheDir();
  const dir = join(cache, `llama.cpp-${commit.slice(0, 12)}`);
  if (await exists(join(dir, READY))) return dir;

  params.log(`extracting llama.cpp's converter from ${bundle} into ${dir}`);
  await mkdir(cache, { recursive: true });
  // A private temporary directory renamed into place: parallel callers never see half a tree.
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await git(["clone", "--quiet", "--no-checkout", bundle, partial]);
    await git(["-C", partial, "sparse-checkout", "set", "conversion", "gguf-py"]);
    await git(["-C", partial, "checkout", "--quiet"]);
    await rm(join(partial, ".git"), { recursive: true, force: true });
    await writeFile(join(partial, READY), `${commit}\n`);
    await rename(partial, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another caller finished first: its copy is the same commit.
      if (!(await exists(join(dir, READY)))) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return dir;
}

async function git(args: string[]): Promise<string> {
  const result = await runProcess({ command: "git", args }).catch((error: NodeJS.ErrnoException) => {
    throw new TrainingError(
      `git cannot be run (${error.code ?? error.message}): install git to extract llama.cpp's converter`,
    );
  });
  if (result.code !== 0) {
    const line = result.stderr.trim().split("\n").pop() ?? "";
    const verb = args[0] === "-C" ? args[2] : args[0];
    throw new TrainingError(`git ${verb} failed: ${line}`);
  }
  return result.stdout;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
