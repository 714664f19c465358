// Writes generated llama and qwen2 GGUF models for tests and benchmarks, from tiny ones to a real judge's shape
// (QWEN2_0_5B_PARAMS). Files are cached (under the OS temp dir unless told), keyed by their parameters, so
// repeated runs do not rewrite them.
import { createHash } from "node:crypto";
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { architectureMetadata } from "./architecture-metadata.js";
import { buildTinyVocab, type TinyTokenizer } from "./build-tiny-vocab.js";
import { buildTinyWeights, type TinyBehaviour } from "./build-tiny-weights.js";
import { type GgufValue, writeGguf } from "./encode-gguf.js";
import { padVocab } from "./pad-vocab.js";

export type { TinyTokenizer } from "./build-tiny-vocab.js";
export type { TinyBehaviour } from "./build-tiny-weights.js";

export interface TinyGgufParams {
  /** Where to put the model; omitted: the cache file itself is returned. */
  path?: string;
  seed?: number;
  dim?: number;
  layers?: number;
  heads?: number;
  /** Key/value heads; default heads (no grouped-query attention). */
  kvHeads?: number;
  ffn?: number;
  contextLength?: number;
  /** Pads the tiny vocabulary with filler tokens to this size (a real model's output head); default no padding. */
  vocabSize?: number;
  /** rope.freq_base; default 10000. */
  ropeTheta?: number;
  /** attention.layer_norm_rms_epsilon; default 1e-5. */
  rmsEps?: number;
  /** No output.weight: llama.cpp's llama and qwen2 loaders then use token_embd. Default false. */
  tiedOutput?: boolean;
  /** Matrices in F32 (default) or Q8_0 (random weights only; dim and ffn multiples of 32). */
  tensorType?: "f32" | "q8_0";
  /** Where cached files live; default java-judge-tiny-gguf under the OS temp dir. */
  cacheDir?: string;
  /**
   * "random": random weights (scores vary with the text). { prefer: "1" }: that token always wins.
   * { flagIfContains: "BUG" }: "0" wins when the text contains the marker (one token, see build-tiny-vocab.ts;
   * pick a marker that cannot overlap itself, e.g. "BUG"), "1" otherwise.
   */
  behaviour?: TinyBehaviour;
  /**
   * general.architecture: "llama" (default) or "qwen2" (which adds Q/K/V biases); another name only for testing
   * how an unsupported one is reported.
   */
  architecture?: string;
  /** Tokenizer family (see build-tiny-vocab.ts); default "spm-no-space-prefix". */
  tokenizer?: TinyTokenizer;
}

/** ~14M parameters: large enough that compute dominates (benchmarks). */
export const BENCH_MODEL_PARAMS = { dim: 384, layers: 6, heads: 6, ffn: 1536 } as const;

/**
 * Qwen2.5-Coder-0.5B's shape (its config.json): 494M parameters, embeddings tied, Q8_0 (~530 MB). The vocabulary is
 * the tiny byte-level BPE of Qwen's family (gpt2, qwen2 pre-tokenizer) padded to Qwen's 151,936 tokens, so the
 * output head costs what Qwen's does; text tokenizes into more tokens than Qwen's own merges would make of it.
 */
export const QWEN2_0_5B_PARAMS = {
  architecture: "qwen2",
  dim: 896,
  layers: 24,
  heads: 14,
  kvHeads: 2,
  ffn: 4864,
  contextLength: 32768,
  vocabSize: 151936,
  ropeTheta: 1e6,
  rmsEps: 1e-6,
  tiedOutput: true,
  tensorType: "q8_0",
  tokenizer: "gpt2-qwen2",
} as const;

/**
 * Qwen2.5-Coder-0.5B's shape at a size a test loads in a moment: the same qwen2 path (GQA, Q/K/V biases, tied
 * output, Q8_0 blocks, a padded vocabulary) as the realistic benchmark's 494M-parameter model.
 */
export const TINY_QWEN2_PARAMS = {
  ...QWEN2_0_5B_PARAMS,
  dim: 64,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  ffn: 128,
  vocabSize: 2048,
} as const;

const FORMAT_VERSION = 1; // bump when the generated weights or vocabulary change

export async function writeTinyGguf(params: TinyGgufParams = {}): Promise<string> {
  const full = {
    seed: params.seed ?? 1,
    dim: params.dim ?? 64,
    layers: params.layers ?? 2,
    heads: params.heads ?? 4,
    kvHeads: params.kvHeads ?? params.heads ?? 4,
    ffn: params.ffn ?? 128,
    contextLength: params.contextLength ?? 4096,
    vocabSize: params.vocabSize ?? 0,
    ropeTheta: params.ropeTheta ?? 10000,
    rmsEps: params.rmsEps ?? 1e-5,
    tiedOutput: params.tiedOutput ?? false,
    tensorType: params.tensorType ?? "f32",
    behaviour: params.behaviour ?? ("random" as TinyBehaviour),
    architecture: params.architecture ?? "llama",
    tokenizer: params.tokenizer ?? ("spm-no-space-prefix" as TinyTokenizer),
  };
  if (full.dim % full.heads !== 0)
    throw new Error(`dim ${full.dim} is not a multiple of heads ${full.heads}`);
  if (full.heads % full.kvHeads !== 0)
    throw new Error(`heads ${full.heads} is not a multiple of kvHeads ${full.kvHeads}`);
  const key = createHash("sha256")
    .update(JSON.stringify({ v: FORMAT_VERSION, ...full }))
    .digest("hex")
    .slice(0, 16);
  const cacheDir = params.cacheDir ?? join(tmpdir(), "java-judge-tiny-gguf");
  const cached = join(cacheDir, `${full.architecture}-${key}.gguf`);
  if (!(await exists(cached))) {
    await mkdir(cacheDir, { recursive: true });
    // Write then rename: parallel test files may race to create the same model.
    const partial = `${cached}.${process.pid}.${Date.now()}.part`;
    try {
      await writeFile(partial, full);
      await rename(partial, cached);
    } finally {
      await rm(partial, { force: true });
    }
  }
  if (params.path === undefined || resolve(params.path) === cached) return cached;
  await mkdir(dirname(resolve(params.path)), { recursive: true });
  await copyFile(cached, params.path);
  return params.path;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

type FullParams = Required<Omit<TinyGgufParams, "path" | "cacheDir">>;

async function writeFile(path: string, p: FullParams): Promise<void> {
  const b = p.behaviour;
  const marker = typeof b === "object" && "flagIfContains" in b ? b.flagIfContains : undefined;
  const vocab = padVocab(buildTinyVocab(marker, p.tokenizer), p.vocabSize);
  const idOf = (text: string): number => {
    const id = vocab.idOf(text);
    if (id < 0) throw new Error(`"${text}" is not one token of the tiny vocabulary`);
    return id;
  };
  const ids = {
    zeroId: idOf("0"),
    oneId: idOf("1"),
    preferId: typeof b === "object" && "prefer" in b ? idOf(b.prefer) : -1,
    markerId: vocab.markerId,
  };
  const shape = { ...p, vocabSize: vocab.tokens.length, qkvBias: p.architecture === "qwen2" };
  const tensors = buildTinyWeights(shape, b, ids);
  const metadata: Record<string, GgufValue> = {
    ...architectureMetadata(`tiny-${JSON.stringify(b)}`, shape),
    ...vocab.metadata,
  };
  await writeGguf(path, metadata, tensors);
}
