/** One hunk of a unified patch, as GitHub returns it in `pulls.listFiles` (`patch`). */
export interface Hunk {
  /** 0-based index of the hunk in the patch. */
  index: number;
  leftStart: number;
  leftCount: number;
  rightStart: number;
  rightCount: number;
  /** RIGHT-side line numbers (1-based) that are added in this hunk. */
  addedLines: number[];
  /** RIGHT-side line numbers that are context in this hunk. */
  contextLines: number[];
}

export interface ParsedPatch {
  hunks: Hunk[];
  /** RIGHT-side line -> index of the hunk that shows it (added or context). */
  rightLineHunk: Map<number, number>;
  /** All added RIGHT-side lines. */
  addedLines: Set<number>;
}
