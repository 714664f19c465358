import { dedent } from "./dedent.js";
import { findClosingBrace, maskJava } from "./mask-java.js";

const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[ \t]*$/;
/** `)` then an optional throws clause, right before a body's `{`: a method or constructor header. */
const HEADER_END = /\)\s*(?:throws\s+[\w$.<>,?\s]+?)?\s*$/;
const NAME_BEFORE_PAREN = /([A-Za-z_$][\w$]*)\s*$/;
/** Lines above a header that still belong to it: annotations, modifiers, type parameters, a return type. */
const HEADER_LINE =
  /^\s*(?:@[\w$.]+(?:\(.*\))?\s*)+$|^\s*(?:public|protected|private|static|final|abstract|synchronized|native|default|strictfp|<)[^;:{}]*$/;

/**
 * The method text in one raw generation: the code inside the markdown fence (the prompt may have
 * opened it already), then the method header and its body, without the chatter or a class around it.
 * What cannot be found is returned trimmed, for the filter to reject with a reason.
 */
export function extractCandidate(output: string): string {
  const code = unfence(output.replace(/\r\n?/g, "\n"));
  const method = findMethod(code);
  return dedent(method ?? code).trim();
}

function unfence(text: string): string {
  const lines = text.split("\n");
  const fences = lines.flatMap((line, i) => {
    const m = FENCE.exec(line);
    return m ? [{ i, marker: m[1] ?? "```", lang: m[2] ?? "" }] : [];
  });
  const first = fences[0];
  if (!first) return text;
  const before = lines.slice(0, first.i).join("\n");
  // A bare fence after code closes the fence the prompt opened.
  if (first.lang === "" && findHeader(maskJava(before), 0) !== -1) return before;
  const opener = fences.find((f) => /^java$/i.test(f.lang)) ?? first;
  const close = fences.find(
    (f) =>
      f.i > opener.i &&
      f.lang === "" &&
      f.marker[0] === opener.marker[0] &&
      f.marker.length >= opener.marker.length,
  );
  return lines.slice(opener.i + 1, close ? close.i : lines.length).join("\n");
}

/** Offset of the first `{` at or after `from` that opens a method or constructor body, or -1. */
function findHeader(masked: string, from: number): number {
  for (let i = masked.indexOf("{", from); i !== -1; i = masked.indexOf("{", i + 1)) {
    if (HEADER_END.test(masked.slice(Math.max(0, i - 400), i))) return i;
  }
  return -1;
}

function findMethod(code: string): string | undefined {
  const masked = maskJava(code);
  const spans: Span[] = [];
  let open = findHeader(masked, 0);
  while (open !== -1) {
    const span = methodSpan(masked, open);
    if (span) spans.push(span);
    // Past the whole body of a method, so a statement or a nested class inside it is not taken as one.
    open = !span ? findHeader(masked, open + 1) : span.end === -1 ? -1 : findHeader(masked, span.end);
  }
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return undefined;
  // Several methods (a helper next to it): all of them, so the filter rejects a candidate that needs the others.
  return code.slice(first.start, last.end === -1 ? code.length : last.end);
}

interface Span {
  start: number;
  /** Offset past the closing `}`, or -1 when the body is never closed. */
  end: number;
}

function methodSpan(masked: string, open: number): Span | undefined {
  const close = masked.lastIndexOf(")", open);
  const openParen = findOpeningParen(masked, close);
  if (openParen === -1) return undefined;
  const name = NAME_BEFORE_PAREN.exec(masked.slice(0, openParen))?.[1];
  if (!name || /^(if|for|while|switch|catch|synchronized|return|new)$/.test(name)) return undefined;
  let start = masked.lastIndexOf("\n", openParen) + 1;
  for (;;) {
    const prevEnd = start - 1;
    if (prevEnd <= 0) break;
    const prevStart = masked.lastIndexOf("\n", prevEnd - 1) + 1;
    const prevLine = masked.slice(prevStart, prevEnd);
    if (!HEADER_LINE.test(prevLine)) break;
    start = prevStart;
  }
  const end = findClosingBrace(masked, open);
  return { start, end };
}

function findOpeningParen(masked: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (masked[i] === ")") depth++;
    else if (masked[i] === "(") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
