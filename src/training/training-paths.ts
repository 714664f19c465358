import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** training/ of this package: the Python steps and their pinned requirements. */
export const TRAINING_DIR = fileURLToPath(new URL("../../training/", import.meta.url));

/**
 * Where the training virtual environment and the llama.cpp converter are kept: outside the tracked files, shared by
 * every checkout (JAVA_JUDGE_CACHE, else $XDG_CACHE_HOME/java-judge, else ~/.cache/java-judge).
 */
export function trainingCacheDir(): string {
  if (process.env.JAVA_JUDGE_CACHE) return resolve(process.env.JAVA_JUDGE_CACHE);
  const base = process.env.XDG_CACHE_HOME ? resolve(process.env.XDG_CACHE_HOME) : join(homedir(), ".cache");
  return join(base, "java-judge");
}

/** node-llama-cpp ships the llama.cpp it runs as a git bundle, converter included. */
export function llamaCppBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve("node-llama-cpp");
  // .../node-llama-cpp/dist/index.js -> .../node-llama-cpp/llama/gitRelease.bundle
  return join(dirname(dirname(entry)), "llama", "gitRelease.bundle");
}

/** A virtual environment's interpreter. */
export function venvPython(venv: string): string {
  return process.platform === "win32" ? join(venv, "Scripts", "python.exe") : join(venv, "bin", "python");
}
