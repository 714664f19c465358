import type { GgufValue } from "./encode-gguf.js";

export interface ArchitectureShape {
  architecture: string;
  contextLength: number;
  dim: number;
  layers: number;
  ffn: number;
  heads: number;
  kvHeads: number;
  rmsEps: number;
  ropeTheta: number;
  vocabSize: number;
}

/** The GGUF keys of a llama-family architecture's shape (everything but the tokenizer and the tensors). */
export function architectureMetadata(name: string, p: ArchitectureShape): Record<string, GgufValue> {
  const a = p.architecture;
  const u32 = (value: number): GgufValue => ({ type: "u32", value });
  return {
    "general.architecture": { type: "string", value: a },
    "general.name": { type: "string", value: name },
    "general.alignment": u32(32),
    [`${a}.context_length`]: u32(p.contextLength),
    [`${a}.embedding_length`]: u32(p.dim),
    [`${a}.block_count`]: u32(p.layers),
    [`${a}.feed_forward_length`]: u32(p.ffn),
    [`${a}.attention.head_count`]: u32(p.heads),
    [`${a}.attention.head_count_kv`]: u32(p.kvHeads),
    [`${a}.attention.layer_norm_rms_epsilon`]: { type: "f32", value: p.rmsEps },
    [`${a}.rope.dimension_count`]: u32(p.dim / p.heads),
    [`${a}.rope.freq_base`]: { type: "f32", value: p.ropeTheta },
    [`${a}.vocab_size`]: u32(p.vocabSize),
  };
}
