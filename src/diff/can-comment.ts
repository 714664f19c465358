import type { ParsedPatch } from "./types.js";

/**
 * May a review comment span RIGHT-side lines start..end? Every line must be in the diff (added or context)
 * and all in ONE hunk: GitHub refuses the whole review (422) when a single comment is off the diff.
 */
export function canComment(patch: ParsedPatch, startLine: number, endLine: number): boolean {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine) {
    return false;
  }
  const hunk = patch.rightLineHunk.get(startLine);
  if (hunk === undefined) return false;
  for (let line = startLine + 1; line <= endLine; line++) {
    if (patch.rightLineHunk.get(line) !== hunk) return false;
  }
  return true;
}
