import type { LineDoubt, MethodExplanation } from "./types.js";

/**
 * The lines worth naming: those whose removal raises the score by at least `minDelta`, most doubted first, at most
 * `max`. Empty when no line stands out (the doubt is spread over the method) or the method was not explained.
 */
export function pickDoubtedLines(
  explanation: MethodExplanation | undefined,
  minDelta: number,
  max = 3,
): LineDoubt[] {
  if (explanation?.kind !== "explained") return [];
  return explanation.lines.filter((l) => l.delta >= minDelta).slice(0, max);
}
