/** A line of a method's code that may be left out to see what it does to the score. */
export interface OcclusionLine {
  /** 0-based index into the method's lines (line `startLine + index` of the file). */
  index: number;
  text: string;
}

export interface OcclusionLines {
  /** The lines to try, in order, at most `maxLines`. */
  lines: OcclusionLine[];
  /** Lines that cannot be the culprit: blank, comment-only, lone braces and punctuation, the signature's lines. */
  skipped: number;
  /** Lines that could be the culprit but are over `maxLines` (the last ones of the method). */
  omitted: number;
}

// A line of only braces, parentheses and separators ("}", "});", "{") closes or opens what other lines hold: left
// out, it breaks the method's shape rather than removing a statement.
const PUNCTUATION_ONLY = /^[{}()[\];,]+$/;

/**
 * The lines of a method worth leaving out one by one. `code` is the method's text (its lines are the file's lines from
 * the method's first), `signature` its declaration up to the body with whitespace collapsed (annotations, modifiers,
 * return type, name, parameters, throws): the lines it covers are skipped, a wrong signature is not what occlusion of
 * one line can show. Lines inside a block comment are comment-only.
 */
export function selectOcclusionLines(params: {
  code: string;
  signature: string;
  maxLines: number;
}): OcclusionLines {
  const lines = params.code.split(/\r?\n/);
  const bodyFrom = signatureLineCount(lines, params.signature);
  const candidates: OcclusionLine[] = [];
  let skipped = 0;
  let inBlockComment = false;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    const commentOnly = inBlockComment || text.startsWith("//") || text.startsWith("/*");
    if (inBlockComment || text.startsWith("/*")) inBlockComment = !closesBlockComment(text, inBlockComment);
    if (index < bodyFrom || text === "" || commentOnly || PUNCTUATION_ONLY.test(text)) skipped++;
    else candidates.push({ index, text });
  });
  const max = Math.max(0, params.maxLines);
  return { lines: candidates.slice(0, max), skipped, omitted: Math.max(0, candidates.length - max) };
}

/** Does a block comment that is open (or opens on this line) end on it with nothing after it? */
function closesBlockComment(text: string, open: boolean): boolean {
  const from = open ? 0 : text.indexOf("/*") + 2;
  return text.indexOf("*/", from) >= 0;
}

/**
 * How many of the method's first lines the signature covers: its non-space characters are matched against the code's
 * in order. Where they do not match (a comment inside the declaration), the lines up to the first `{` are the
 * signature's.
 */
function signatureLineCount(lines: string[], signature: string): number {
  const wanted = signature.replace(/\s+/g, "");
  if (wanted === "") return 0;
  let matched = 0;
  for (const [i, line] of lines.entries()) {
    for (const ch of line) {
      if (/\s/.test(ch)) continue;
      if (ch !== wanted[matched]) return firstBraceLine(lines);
      matched++;
      if (matched === wanted.length) return i + 1;
    }
  }
  return firstBraceLine(lines);
}

function firstBraceLine(lines: string[]): number {
  const i = lines.findIndex((l) => l.includes("{"));
  return i < 0 ? lines.length : i + 1;
}
