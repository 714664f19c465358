import type { PromptSegment } from "./split-control-tokens.js";

/** Joins adjacent plain segments: plain text is tokenized whole, so BPE merges across an insertion's edges. */
export function mergePlainSegments(segments: readonly PromptSegment[]): PromptSegment[] {
  const out: PromptSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (!s.special && last && !last.special) last.text += s.text;
    else if (s.special || s.text !== "") out.push({ ...s });
  }
  return out;
}
