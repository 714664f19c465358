import type { ParsedPatch } from "./types.js";

export interface LineRange {
  start: number;
  end: number;
}

/**
 * The part of startLine..endLine (a method's span) that a comment may cover: the largest run of lines
 * inside one hunk, preferring runs that contain added lines (so the comment sits on what the author
 * changed). Null when no line of the span is in the diff.
 */
export function commentableRange(patch: ParsedPatch, startLine: number, endLine: number): LineRange | null {
  let best: { range: LineRange; added: number } | null = null;
  for (const hunk of patch.hunks) {
    const hunkEnd = hunk.rightStart + hunk.rightCount - 1;
    const start = Math.max(startLine, hunk.rightStart);
    const end = Math.min(endLine, hunkEnd);
    if (hunk.rightCount === 0 || start > end) continue;
    const added = hunk.addedLines.filter((line) => line >= start && line <= end).length;
    const size = end - start;
    const better =
      !best ||
      (added > 0 && best.added === 0) ||
      (added > 0 === best.added > 0 && size > best.range.end - best.range.start);
    if (better) best = { range: { start, end }, added };
  }
  return best?.range ?? null;
}
