/** A piece of a rendered prompt: plain text (tokenized with special parsing off) or exactly one control token. */
export interface PromptSegment {
  text: string;
  special: boolean;
}

/**
 * Splits template text at the control tokens' texts, longest first (llama.cpp's own partition order), so
 * "<|im_start|>" is one control token where the template writes it. Only for the template's literal text and the
 * chat template's rendering: inserted method text is never passed here.
 */
export function splitControlTokens(
  text: string,
  controlTokens: ReadonlyMap<string, number>,
): PromptSegment[] {
  let segments: PromptSegment[] = [{ text, special: false }];
  const candidates = [...controlTokens.keys()]
    .filter((t) => t.length > 0 && text.includes(t))
    .sort((a, b) => b.length - a.length);
  for (const token of candidates) {
    segments = segments.flatMap((s) => {
      if (s.special || !s.text.includes(token)) return [s];
      const out: PromptSegment[] = [];
      s.text.split(token).forEach((part, i) => {
        if (i > 0) out.push({ text: token, special: true });
        if (part !== "") out.push({ text: part, special: false });
      });
      return out;
    });
  }
  return segments;
}
