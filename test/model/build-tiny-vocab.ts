// Tiny vocabularies of the three tokenizer families real judges use, for generated test models:
// - "spm-no-space-prefix": byte-level SentencePiece (llama.cpp's "llama" tokenizer) without a space prefix, the
//   default: "1" alone is one token.
// - "spm-space-prefix": the same with `add_space_prefix = true`, as Llama-2, CodeLlama, Mistral and TinyLlama: text
//   that starts a tokenization gets a "▁" in front, so "1" alone is "▁" + "1", while after a newline it is "1".
// - "gpt2-qwen2": GPT-2-style byte-level BPE with the qwen2 pre-tokenizer, as Qwen2.5-Coder: tokens are bytes
//   written through GPT-2's byte-to-unicode map, merged by `tokenizer.ggml.merges`.
// In every family each printable ASCII character is one token and any other byte has a token, so any text tokenizes.
import type { GgufValue } from "./encode-gguf.js";

export type TinyTokenizer = "spm-no-space-prefix" | "spm-space-prefix" | "gpt2-qwen2";

export const TINY_TOKENIZERS: readonly TinyTokenizer[] = [
  "spm-no-space-prefix",
  "spm-space-prefix",
  "gpt2-qwen2",
];

export interface TinyVocab {
  tokens: string[];
  /** Token id of the marker (flagIfContains), or -1. */
  markerId: number;
  /** Token id of a text the vocabulary holds as one token, or -1. */
  idOf(text: string): number;
  /** The `tokenizer.ggml.*` metadata of the file. */
  metadata: Record<string, GgufValue>;
}

/** SentencePiece writes spaces as U+2581. */
export const SPM_SPACE = "\u2581";

const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;

/**
 * Builds the vocabulary of one family. A marker string becomes one token: in SentencePiece every prefix of it is
 * added too (SentencePiece only merges adjacent pieces whose concatenation is in the vocabulary); in BPE the merges
 * that build it left to right are added, first. Under the qwen2 pre-tokenizer a marker must be one pre-token
 * (letters, say "BUG"), since merges never cross pre-tokens.
 */
export function buildTinyVocab(marker?: string, tokenizer: TinyTokenizer = "spm-no-space-prefix"): TinyVocab {
  if (marker !== undefined && marker.length === 0)
    throw new Error("flagIfContains: the marker must not be empty");
  return tokenizer === "gpt2-qwen2" ? buildBpe(marker) : buildSpm(marker, tokenizer === "spm-space-prefix");
}

function buildSpm(marker: string | undefined, spacePrefix: boolean): TinyVocab {
  const tokens: string[] = ["<unk>", "<s>", "</s>"];
  const types: number[] = [UNKNOWN, CONTROL, CONTROL];
  const scores: number[] = [0, 0, 0];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(BYTE);
    scores.push(0);
  }
  // No "▁1"-style pieces: like Llama-2's vocabulary, a digit after a space stays two tokens.
  const singles = [SPM_SPACE];
  for (let c = 0x21; c < 0x7f; c++) singles.push(String.fromCharCode(c));
  for (const s of singles) {
    tokens.push(s);
    types.push(NORMAL);
    scores.push(-1);
  }
  const piece = (text: string) => text.replaceAll(" ", SPM_SPACE);
  let markerId = -1;
  if (marker !== undefined) {
    const chars = Array.from(piece(marker));
    for (let n = 1; n <= chars.length; n++) {
      const prefix = chars.slice(0, n).join("");
      let id = tokens.indexOf(prefix);
      if (id < 0) {
        id = tokens.length;
        tokens.push(prefix);
        types.push(NORMAL);
        // Longer prefixes merge first, so a started marker completes before other merges.
        scores.push(n);
      }
      if (n === chars.length) markerId = id;
    }
  }
  return {
    tokens,
    markerId,
    idOf: (text) => tokens.indexOf(piece(text)),
    metadata: {
      "tokenizer.ggml.model": { type: "string", value: "llama" },
      "tokenizer.ggml.tokens": { type: "strings", value: tokens },
      "tokenizer.ggml.scores": { type: "f32s", value: Float32Array.from(scores) },
      "tokenizer.ggml.token_type": { type: "i32s", value: Int32Array.from(types) },
      "tokenizer.ggml.unknown_token_id": { type: "u32", value: 0 },
      "tokenizer.ggml.bos_token_id": { type: "u32", value: 1 },
      "tokenizer.ggml.eos_token_id": { type: "u32", value: 2 },
      "tokenizer.ggml.add_bos_token": { type: "bool", value: false },
      "tokenizer.ggml.add_eos_token": { type: "bool", value: false },
      "tokenizer.ggml.add_space_prefix": { type: "bool", value: spacePrefix },
    },
  };
}

function buildBpe(marker: string | undefined): TinyVocab {
  const byteChar = byteToUnicode();
  const piece = (text: string) =>
    Array.from(Buffer.from(text, "utf8"), (b) => byteChar[b] as string).join("");
  // GPT-2's order: the byte tokens first, in the order of its byte-to-unicode table.
  const tokens = byteOrder().map((b) => byteChar[b] as string);
  const merges: string[] = [];
  const merge = (left: string, right: string) => {
    merges.push(`${left} ${right}`);
    if (!tokens.includes(left + right)) tokens.push(left + right);
  };
  let markerId = -1;
  if (marker !== undefined) {
    // First, so the marker's merges outrank every other one.
    const chars = Array.from(piece(marker));
    let built = chars[0] as string;
    for (const c of chars.slice(1)) {
      merge(built, c);
      built += c;
    }
    markerId = tokens.indexOf(built);
  }
  // A few merges of real code vocabularies: runs of spaces (indentation) and "###" (the template's headings).
  const space = piece(" ");
  merge(space, space);
  merge(space + space, space + space);
  merge("#", "#");
  merge("##", "#");
  const eos = tokens.length;
  tokens.push("<|endoftext|>");
  const types = tokens.map((_, i) => (i === eos ? CONTROL : NORMAL));
  return {
    tokens,
    markerId,
    idOf: (text) => tokens.indexOf(piece(text)),
    metadata: {
      "tokenizer.ggml.model": { type: "string", value: "gpt2" },
      "tokenizer.ggml.pre": { type: "string", value: "qwen2" },
      "tokenizer.ggml.tokens": { type: "strings", value: tokens },
      "tokenizer.ggml.token_type": { type: "i32s", value: Int32Array.from(types) },
      "tokenizer.ggml.merges": { type: "strings", value: merges },
      // Qwen2.5's GGUFs: <|endoftext|> as BOS and EOS, and no BOS added.
      "tokenizer.ggml.bos_token_id": { type: "u32", value: eos },
      "tokenizer.ggml.eos_token_id": { type: "u32", value: eos },
      "tokenizer.ggml.add_bos_token": { type: "bool", value: false },
    },
  };
}

/** GPT-2's printable bytes first ("!".."~", "¡".."¬", "®".."ÿ"), then the others. */
function byteOrder(): number[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const rest: number[] = [];
  for (let b = 0; b < 256; b++) if (!printable.includes(b)) rest.push(b);
  return [...printable, ...rest];
}

/** GPT-2's bytes_to_unicode: printable bytes stand for themselves, the others for U+0100 onwards (" " is "Ġ"). */
function byteToUnicode(): string[] {
  const map: string[] = new Array(256);
  let next = 0;
  for (const b of byteOrder()) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    map[b] = String.fromCodePoint(printable ? b : 256 + next++);
  }
  return map;
}
