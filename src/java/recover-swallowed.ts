import { methodHash } from "./method-key.js";
import type { ExtractedMethod } from "./types.js";

// A member header at the start of a line: annotations, modifiers, type parameters, a type, a name, `(`.
const MODIFIER = "(?:public|protected|private|static|final|abstract|synchronized|native|strictfp|default)";
const ANNOTATION = String.raw`@[\p{L}_$][\p{L}\p{N}_$.]*(?:\(.*\))?`;
const TYPE = String.raw`[\p{L}_$][\p{L}\p{N}_$.]*(?:<.*>)?(?:\[\])*`;
const NAME = String.raw`[\p{L}_$][\p{L}\p{N}_$]*`;
const HEADER = new RegExp(
  String.raw`^(?:${ANNOTATION}\s*)*(?:${MODIFIER}\s+)*(?:<.*>\s*)?(?:(?!(?:return|new|throw|else|case|yield)\s)${TYPE}\s+)?${NAME}\s*\(.*$|^(?:${ANNOTATION}\s*)+$`,
  "u",
);
const COMMENT_LINE = /^(?:\/\*|\*|\/\/)/;

export interface Swallow {
  /** The broken method, ended at the last line before the member it swallowed. */
  truncated: ExtractedMethod;
  /** Offsets [from, to) of the broken method's text up to that member, to blank out before reparsing. */
  mask: [number, number];
}

/**
 * tree-sitter recovers from a missing `}` by letting the broken method run on over the next members.
 * A line inside a broken method, indented like its header and shaped like a member header, is taken as the
 * start of the next member: the broken method ends before it (and its comments) and the rest is reparsed.
 */
export function findSwallow(method: ExtractedMethod, source: string, offset: number): Swallow | null {
  if (!method.hasError) return null;
  const lines = method.text.split("\n");
  const lineStarts: number[] = [];
  let at = offset;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.startsWith(method.indent) || /^[ \t\f]/.test(line.slice(method.indent.length))) continue;
    if (!HEADER.test(line.slice(method.indent.length).trimEnd())) continue;
    let first = i;
    while (first > 1 && COMMENT_LINE.test((lines[first - 1] ?? "").trim())) first--;
    let last = first - 1;
    while (last > 0 && (lines[last] ?? "").trim() === "") last--;
    const end = (lineStarts[last] ?? offset) + (lines[last] ?? "").trimEnd().length;
    const text = source.slice(offset, end);
    const truncated = { ...method, text, endLine: method.startLine + last, hash: methodHash(text) };
    return { truncated, mask: [offset, lineStarts[first] ?? end] };
  }
  return null;
}

/** Blanks [from, to) but keeps line breaks, so every offset and line number stays where it was. */
export function maskRange(source: string, [from, to]: [number, number]): string {
  return source.slice(0, from) + source.slice(from, to).replace(/[^\r\n]/g, " ") + source.slice(to);
}
