// A byte-level SentencePiece vocabulary: every printable ASCII character is one token, every other byte falls
// back to a <0xNN> token, so any text tokenizes and "0" and "1" are single tokens.

export interface TinyVocab {
  tokens: string[];
  scores: Float32Array;
  types: Int32Array;
  /** Token id of the marker (flagIfContains), or -1. */
  markerId: number;
}

/** SentencePiece writes spaces as U+2581. */
export const SPM_SPACE = "\u2581";

const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;

/**
 * Builds the vocabulary. A marker string becomes one token: every prefix of it is added too, since SentencePiece
 * only merges adjacent pieces whose concatenation is in the vocabulary.
 */
export function buildTinyVocab(marker?: string): TinyVocab {
  const tokens: string[] = ["<unk>", "<s>", "</s>"];
  const types: number[] = [UNKNOWN, CONTROL, CONTROL];
  const scores: number[] = [0, 0, 0];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(BYTE);
    scores.push(0);
  }
  const singles = [SPM_SPACE];
  for (let c = 0x21; c < 0x7f; c++) singles.push(String.fromCharCode(c));
  for (const s of singles) {
    tokens.push(s);
    types.push(NORMAL);
    scores.push(-1);
  }
  let markerId = -1;
  if (marker !== undefined) {
    const chars = Array.from(marker.replaceAll(" ", SPM_SPACE));
    if (chars.length === 0) throw new Error("flagIfContains: the marker must not be empty");
    for (let n = 1; n <= chars.length; n++) {
      const piece = chars.slice(0, n).join("");
      let id = tokens.indexOf(piece);
      if (id < 0) {
        id = tokens.length;
        tokens.push(piece);
        types.push(NORMAL);
        // Longer prefixes merge first, so a started marker completes before other merges.
        scores.push(n);
      }
      if (n === chars.length) markerId = id;
    }
  }
  return { tokens, scores: Float32Array.from(scores), types: Int32Array.from(types), markerId };
}
