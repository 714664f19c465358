// Writes a random-weight llama (or qwen2) model on one of llama.cpp's real vocabularies: every `tokenizer.*` key of
// the vocab-only GGUF (tokens, token types, merges, scores, BOS/EOS ids, add_bos_token, chat template) copied byte for
// byte onto random weights sized to the vocabulary. Cached like writeTinyGguf, keyed by the vocabulary and parameters.
import { createHash } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RealVocabName, realVocabPath } from "../support/real-vocab.js";
import { architectureMetadata } from "./architecture-metadata.js";
import { buildTinyWeights } from "./build-tiny-weights.js";
import { writeGguf } from "./encode-gguf.js";
import { readGgufRawMetadata } from "./read-gguf-raw-metadata.js";

export interface RealVocabGgufParams {
  vocab: RealVocabName;
  seed?: number;
  /** Default 16: the embedding and output head cost vocabulary x dim floats (151,936 x 16 = 9.7 MB). */
  dim?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  ffn?: number;
  contextLength?: number;
  ropeTheta?: number;
  rmsEps?: number;
  /** Default true: no output.weight, the head is the embedding (half the file). */
  tiedOutput?: boolean;
  tensorType?: "f32" | "q8_0";
  /** "llama" (default) or "qwen2" (Q/K/V biases). */
  architecture?: "llama" | "qwen2";
  /** Sets tokenizer.ggml.add_bos_token; default: the vocabulary's own key (or none, as in the file). */
  addBosToken?: boolean;
  /** Sets tokenizer.chat_template; null removes it; default: the vocabulary's own (or none). */
  chatTemplate?: string | null;
  cacheDir?: string;
}

/**
 * Qwen2.5-Coder-0.5B's shape (QWEN2_0_5B_PARAMS of write-tiny-gguf.ts: 494M parameters, tied embeddings, Q8_0) on
 * Qwen2's real vocabulary: what the realistic benchmark measures (~530 MB).
 */
export const QWEN2_0_5B_REAL_VOCAB_PARAMS = {
  vocab: "qwen2",
  architecture: "qwen2",
  dim: 896,
  layers: 24,
  heads: 14,
  kvHeads: 2,
  ffn: 4864,
  contextLength: 32768,
  ropeTheta: 1e6,
  rmsEps: 1e-6,
  tiedOutput: true,
  tensorType: "q8_0",
} as const satisfies RealVocabGgufParams;

const FORMAT_VERSION = 1; // bump when the generated weights change

/** Path of the (cached) model file. */
export async function writeRealVocabGguf(params: RealVocabGgufParams): Promise<string> {
  const full = {
    vocab: params.vocab,
    seed: params.seed ?? 1,
    dim: params.dim ?? 16,
    layers: params.layers ?? 2,
    heads: params.heads ?? 2,
    kvHeads: params.kvHeads ?? params.heads ?? 2,
    ffn: params.ffn ?? 32,
    contextLength: params.contextLength ?? 4096,
    ropeTheta: params.ropeTheta ?? 10000,
    rmsEps: params.rmsEps ?? 1e-5,
    tiedOutput: params.tiedOutput ?? true,
    tensorType: params.tensorType ?? "f32",
    architecture: params.architecture ?? "llama",
    addBosToken: params.addBosToken ?? null,
    chatTemplate: params.chatTemplate === undefined ? "keep" : params.chatTemplate,
  };
  const raw = await readGgufRawMetadata(await realVocabPath(params.vocab));
  const tokenizerKeys = [...raw].filter(([key]) => key.startsWith("tokenizer."));
  const hash = createHash("sha256").update(JSON.stringify({ v: FORMAT_VERSION, ...full }));
  for (const [key, bytes] of tokenizerKeys) hash.update(key).update(bytes);
  const key = hash.digest("hex").slice(0, 16);
  const cacheDir = params.cacheDir ?? join(tmpdir(), "java-judge-tiny-gguf");
  const cached = join(cacheDir, `${full.vocab}-${full.architecture}-${key}.gguf`);
  if (await exists(cached)) return cached;

  const tokens = raw.get("tokenizer.ggml.tokens");
  if (!tokens) throw new Error(`${params.vocab}: no tokenizer.ggml.tokens`);
  // Type tag (array), element type (string), then the u64 count.
  const vocabSize = Number(Buffer.from(tokens.buffer, tokens.byteOffset + 8, 8).readBigUInt64LE(0));
  const a = full.architecture;
  const metadata = architectureMetadata(`random-${full.vocab}`, { ...full, vocabSize });
  for (const [k, bytes] of tokenizerKeys) metadata[k] = { type: "raw", bytes };
  if (full.addBosToken !== null)
    metadata["tokenizer.ggml.add_bos_token"] = { type: "bool", value: full.addBosToken };
  if (full.chatTemplate === null) delete metadata["tokenizer.chat_template"];
  else if (full.chatTemplate !== "keep")
    metadata["tokenizer.chat_template"] = { type: "string", value: full.chatTemplate };
  const tensors = buildTinyWeights({ ...full, vocabSize, qkvBias: a === "qwen2" }, "random", {
    preferId: -1,
    markerId: -1,
    zeroId: -1,
    oneId: -1,
  });

  await mkdir(cacheDir, { recursive: true });
  // Write then rename: parallel test files may race to create the same model.
  const partial = `${cached}.${process.pid}.${Date.now()}.part`;
  try {
    await writeGguf(partial, metadata, tensors);
    await rename(partial, cached);
  } finally {
    await rm(partial, { force: true });
  }
  return cached;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
