// Writes tiny llama GGUF models for tests and benchmarks. Files are cached under the OS temp dir, keyed by
// their parameters, so repeated test runs do not rewrite them.
import { createHash } from "node:crypto";
import { copyFile, mkdir, rename, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { buildTinyVocab, type TinyTokenizer } from "./build-tiny-vocab.js";
import { buildTinyWeights, type TinyBehaviour } from "./build-tiny-weights.js";
import { encodeGguf, type GgufValue } from "./encode-gguf.js";

export type { TinyTokenizer } from "./build-tiny-vocab.js";
export type { TinyBehaviour } from "./build-tiny-weights.js";

export interface TinyGgufParams {
  /** Where to put the model; omitted: the cache file itself is returned. */
  path?: string;
  seed?: number;
  dim?: number;
  layers?: number;
  heads?: number;
  ffn?: number;
  contextLength?: number;
  /**
   * "random": random weights (scores vary with the text). { prefer: "1" }: that token always wins.
   * { flagIfContains: "BUG" }: "0" wins when the text contains the marker (one token, see build-tiny-vocab.ts;
   * pick a marker that cannot overlap itself, e.g. "BUG"), "1" otherwise.
   */
  behaviour?: TinyBehaviour;
  /** general.architecture; only for testing how an unsupported one is reported. */
  architecture?: string;
  /** Tokenizer family (see build-tiny-vocab.ts); default "spm-no-space-prefix". */
  tokenizer?: TinyTokenizer;
}

/** ~14M parameters: large enough that compute dominates (benchmarks). */
export const BENCH_MODEL_PARAMS = { dim: 384, layers: 6, heads: 6, ffn: 1536 } as const;

const FORMAT_VERSION = 1; // bump when the generated weights or vocabulary change

export async function writeTinyGguf(params: TinyGgufParams = {}): Promise<string> {
  const full = {
    seed: params.seed ?? 1,
    dim: params.dim ?? 64,
    layers: params.layers ?? 2,
    heads: params.heads ?? 4,
    ffn: params.ffn ?? 128,
    contextLength: params.contextLength ?? 4096,
    behaviour: params.behaviour ?? ("random" as TinyBehaviour),
    architecture: params.architecture ?? "llama",
    tokenizer: params.tokenizer ?? ("spm-no-space-prefix" as TinyTokenizer),
  };
  if (full.dim % full.heads !== 0)
    throw new Error(`dim ${full.dim} is not a multiple of heads ${full.heads}`);
  const key = createHash("sha256")
    .update(JSON.stringify({ v: FORMAT_VERSION, ...full }))
    .digest("hex")
    .slice(0, 16);
  const cached = join(tmpdir(), "java-judge-tiny-gguf", `tiny-${key}.gguf`);
  if (!(await exists(cached))) {
    await mkdir(dirname(cached), { recursive: true });
    // Write then rename: parallel test files may race to create the same model.
    const partial = `${cached}.${process.pid}.${Date.now()}.part`;
    await writeFile(partial, buildFile(full));
    await rename(partial, cached);
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

type FullParams = Required<Omit<TinyGgufParams, "path">>;

function buildFile(p: FullParams): Buffer {
  const b = p.behaviour;
  const marker = typeof b === "object" && "flagIfContains" in b ? b.flagIfContains : undefined;
  const vocab = buildTinyVocab(marker, p.tokenizer);
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
  const shape = { ...p, vocabSize: vocab.tokens.length };
  const tensors = buildTinyWeights(shape, b, ids);
  const a = p.architecture;
  const u32 = (value: number): GgufValue => ({ type: "u32", value });
  const metadata: Record<string, GgufValue> = {
    "general.architecture": { type: "string", value: a },
    "general.name": { type: "string", value: `tiny-${JSON.stringify(b)}` },
    "general.alignment": u32(32),
    [`${a}.context_length`]: u32(p.contextLength),
    [`${a}.embedding_length`]: u32(p.dim),
    [`${a}.block_count`]: u32(p.layers),
    [`${a}.feed_forward_length`]: u32(p.ffn),
    [`${a}.attention.head_count`]: u32(p.heads),
    [`${a}.attention.head_count_kv`]: u32(p.heads),
    [`${a}.attention.layer_norm_rms_epsilon`]: { type: "f32", value: 1e-5 },
    [`${a}.rope.dimension_count`]: u32(p.dim / p.heads),
    [`${a}.vocab_size`]: u32(vocab.tokens.length),
    ...vocab.metadata,
  };
  return encodeGguf(metadata, tensors);
}
