import { execFile } from "node:child_process";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { llamaCppBundlePath, trainingCacheDir } from "../../src/training/training-paths.js";

const run = promisify(execFile);

/** llama.cpp's vocab-only GGUFs (models/ggml-vocab-NAME.gguf in the bundle node-llama-cpp ships). */
export const REAL_VOCABS = [
  "qwen2",
  "llama-bpe",
  "llama-spm",
  "gemma-4",
  "deepseek-coder",
  "starcoder",
  "phi-3",
] as const;
export type RealVocabName = (typeof REAL_VOCABS)[number];

/**
 * The path of llama.cpp's real vocabulary NAME (tokenizer only, no weights), extracted once from node-llama-cpp's
 * `llama/gitRelease.bundle` into the training cache (keyed by the bundle's commit) with its tokenizer test files
 * (`.inp`/`.out`, where llama.cpp has them). Parallel callers each extract into a private folder renamed into place.
 */
export async function realVocabPath(name: RealVocabName): Promise<string> {
  const bundle = llamaCppBundlePath();
  const heads = (await run("git", ["bundle", "list-heads", bundle])).stdout;
  const commit = heads.split(/\s/)[0] ?? "";
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`${bundle}: not a git bundle (${heads.trim()})`);
  const dir = join(trainingCacheDir(), `llama.cpp-vocab-${commit.slice(0, 12)}`);
  const file = join(dir, `ggml-vocab-${name}.gguf`);
  if (await exists(join(dir, ".java-judge-ready"))) return file;

  await mkdir(trainingCacheDir(), { recursive: true });
  const partial = `${dir}.partial-${process.pid}-${Date.now()}`;
  try {
    await run("git", ["clone", "--quiet", "--no-checkout", bundle, partial]);
    const patterns = REAL_VOCABS.map((n) => `models/ggml-vocab-${n}.gguf*`);
    await run("git", ["-C", partial, "sparse-checkout", "set", "--no-cone", ...patterns]);
    await run("git", ["-C", partial, "checkout", "--quiet"]);
    const out = `${partial}.out`;
    await rename(join(partial, "models"), out);
    await writeFile(join(out, ".java-judge-ready"), `${commit}\n`);
    await rename(out, dir).catch(async (error: NodeJS.ErrnoException) => {
      await rm(out, { recursive: true, force: true });
      // Another caller finished first: its copy is the same commit.
      if (!(await exists(join(dir, ".java-judge-ready")))) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return file;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
