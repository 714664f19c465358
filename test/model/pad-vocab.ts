import type { TinyVocab } from "./build-tiny-vocab.js";
import type { GgufValue } from "./encode-gguf.js";

const NORMAL = 1;

/**
 * The vocabulary with filler tokens appended up to `size` tokens (nothing when it is already that large): a
 * model of a real vocabulary's size, whose output head costs what the real one does. Fillers are normal tokens no
 * text tokenizes into (SentencePiece reaches a piece only through pieces of it in the vocabulary, and no "<f" is;
 * BPE only through merges, and none makes a filler), so tokenization is unchanged; a sampled one reads as its text.
 */
export function padVocab(vocab: TinyVocab, size: number): TinyVocab {
  const extra = size - vocab.tokens.length;
  if (extra <= 0) return vocab;
  const tokens = [...vocab.tokens, ...Array.from({ length: extra }, (_, i) => `<filler${i}>`)];
  const metadata: Record<string, GgufValue> = {
    ...vocab.metadata,
    "tokenizer.ggml.tokens": { type: "strings", value: tokens },
  };
  const types = vocab.metadata["tokenizer.ggml.token_type"];
  if (types?.type === "i32s")
    metadata["tokenizer.ggml.token_type"] = {
      type: "i32s",
      value: padded(Int32Array, types.value, extra, NORMAL),
    };
  const scores = vocab.metadata["tokenizer.ggml.scores"];
  if (scores?.type === "f32s")
    metadata["tokenizer.ggml.scores"] = {
      type: "f32s",
      value: padded(Float32Array, scores.value, extra, -1000),
    };
  return { ...vocab, tokens, metadata };
}

function padded<A extends Int32Array | Float32Array>(
  Type: { new (n: number): A },
  values: A,
  extra: number,
  fill: number,
): A {
  const out = new Type(values.length + extra);
  out.set(values);
  out.fill(fill, values.length);
  return out;
}
