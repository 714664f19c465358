import type { Hunk, ParsedPatch } from "./types.js";

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a GitHub file `patch` (the hunks of one file, as `pulls.listFiles` returns them). A missing patch
 * (GitHub omits it for binary and very large diffs) or an empty one gives no hunks: no line may carry a
 * comment. Lines are read by the hunk's counts, so a removed line that starts with `--` is not a header.
 */
export function parsePatch(patch: string | null | undefined): ParsedPatch {
  const parsed: ParsedPatch = { hunks: [], rightLineHunk: new Map(), addedLines: new Set() };
  if (!patch) return parsed;
  let hunk: Hunk | null = null;
  let right = 0;
  let leftLeft = 0;
  let rightLeft = 0;
  for (const line of patch.split("\n")) {
    const header = HUNK_HEADER.exec(line);
    if (header && leftLeft <= 0 && rightLeft <= 0) {
      hunk = {
        index: parsed.hunks.length,
        leftStart: Number(header[1]),
        leftCount: header[2] === undefined ? 1 : Number(header[2]),
        rightStart: Number(header[3]),
        rightCount: header[4] === undefined ? 1 : Number(header[4]),
        addedLines: [],
        contextLines: [],
      };
      parsed.hunks.push(hunk);
      right = hunk.rightStart;
      leftLeft = hunk.leftCount;
      rightLeft = hunk.rightCount;
      continue;
    }
    // File headers (`diff --git`, `---`, `+++`) before a hunk, and `\ No newline at end of file`.
    if (!hunk || line.startsWith("\\") || (leftLeft <= 0 && rightLeft <= 0)) continue;
    const marker = line[0];
    if (marker === "+") {
      hunk.addedLines.push(right);
      parsed.addedLines.add(right);
      parsed.rightLineHunk.set(right++, hunk.index);
      rightLeft--;
    } else if (marker === "-") {
      leftLeft--;
    } else {
      // A context line; some tools strip the space of an empty one, so "" counts too.
      hunk.contextLines.push(right);
      parsed.rightLineHunk.set(right++, hunk.index);
      leftLeft--;
      rightLeft--;
    }
  }
  return parsed;
}
