/**
 * Blanks out Java comments and the contents of string, char and text-block literals with spaces,
 * keeping every offset and newline, so braces and semicolons can be counted on the result.
 * An unterminated comment or literal is blanked to the end (model output is often cut off).
 * With `literals: false` only comments are blanked.
 */
export function maskJava(source: string, options: { literals?: boolean } = {}): string {
  const literals = options.literals ?? true;
  const out = source.split("");
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' && source.startsWith('"""', i)) {
      const stop = findTextBlockEnd(source, i + 3);
      const closed = stop - 3 >= i + 3 && source.startsWith('"""', stop - 3);
      if (literals) blank(i + 3, closed ? stop - 3 : stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const stop = findQuoteEnd(source, i + 1, c);
      if (literals) blank(i + 1, stop - 1);
      i = stop;
    } else {
      i++;
    }
  }
  return out.join("");
}

export function findTextBlockEnd(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    if (source[i] === "\\") i += 2;
    else if (source.startsWith('"""', i)) return i + 3;
    else i++;
  }
  return source.length;
}

/** A plain literal ends at its quote or, unterminated, at the end of the line. */
export function findQuoteEnd(source: string, from: number, quote: string): number {
  let i = from;
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (c === "\n") return i;
    else i++;
  }
  return source.length;
}

/** Offset just past the `}` that closes the `{` at `open` in masked text, or -1 when it is never closed. */
export function findClosingBrace(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const c = masked[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
