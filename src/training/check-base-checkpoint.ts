import { readdir, stat } from "node:fs/promises";
import { UsageError } from "../errors.js";

/**
 * A quick look at --base before anything is installed or trained: a Hugging Face checkpoint directory has
 * config.json, weights and a tokenizer. The trainer then loads it for real (training/train.py says what it lacks).
 */
export async function checkBaseCheckpoint(base: string): Promise<void> {
  const info = await stat(base).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new UsageError(
      `--base ${base} is not a directory: pass a Hugging Face checkpoint you have on disk (e.g. Qwen2.5-Coder-0.5B-Instruct)`,
    );
  }
  const files = new Set(await readdir(base));
  if (!files.has("config.json")) {
    throw new UsageError(`--base ${base} is not a Hugging Face checkpoint: it has no config.json`);
  }
  const names = [...files];
  if (!names.some((f) => /\.safetensors$|^pytorch_model.*\.bin$/.test(f))) {
    throw new UsageError(`--base ${base} has no weights (*.safetensors or pytorch_model*.bin)`);
  }
  const tokenizer =
    files.has("tokenizer.json") ||
    files.has("tokenizer.model") ||
    (files.has("vocab.json") && files.has("merges.txt")) ||
    names.some((f) => f.endsWith(".tiktoken"));
  if (!tokenizer) {
    throw new UsageError(
      `--base ${base} has no tokenizer (tokenizer.json or tokenizer.model): copy the tokenizer files of the model it came from`,
    );
  }
}
