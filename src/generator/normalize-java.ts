import { findQuoteEnd, findTextBlockEnd } from "./mask-java.js";

const WORD = /[\w$]/;

/**
 * The text two candidates share when they differ only in layout: whitespace dropped where it does
 * not separate two words, one space where it does; string and char literals kept verbatim.
 */
export function normalizeJava(code: string): string {
  let out = "";
  let pendingSpace = false;
  let i = 0;
  while (i < code.length) {
    const c = code[i] ?? "";
    if (/\s/.test(c)) {
      pendingSpace = true;
      i++;
      continue;
    }
    let token = c;
    if (c === '"' || c === "'") {
      const stop = code.startsWith('"""', i) ? findTextBlockEnd(code, i + 3) : findQuoteEnd(code, i + 1, c);
      token = code.slice(i, stop);
    }
    if (pendingSpace && needsSpace(out.at(-1) ?? "", token[0] ?? "")) out += " ";
    pendingSpace = false;
    out += token;
    i += token.length;
  }
  return out;
}

/** `a - -b` is not `a--b`: a space stays between two words and between operators that would fuse. */
function needsSpace(before: string, after: string): boolean {
  if (WORD.test(before) && WORD.test(after)) return true;
  return before !== "" && before === after && "+-&|=".includes(before);
}
