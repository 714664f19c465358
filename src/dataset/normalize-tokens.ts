import { maskJava } from "../generator/mask-java.js";
import { normalizeJava } from "../generator/normalize-java.js";

/** The code's tokens as one string: whitespace and comments do not count, literals do. */
export function normalizeTokens(code: string): string {
  return normalizeJava(maskJava(code, { literals: false }));
}
