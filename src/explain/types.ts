/** One line of a flagged method and what leaving it out does to the judge's score. */
export interface LineDoubt {
  /** 1-based line number in the file. */
  line: number;
  /** The line as it stands in the file, trimmed. */
  text: string;
  /** score(method without this line) - score(method): > 0 where the line lowers the score. */
  delta: number;
}

/** Where the judge doubts a flagged method (occlusion), or why that was not worked out. */
export type MethodExplanation =
  | {
      kind: "explained";
      /** The method's own score, the baseline of every delta. */
      score: number;
      /** Lines tried, most doubted (largest delta) first. */
      lines: LineDoubt[];
      /** Lines that cannot be the culprit, not tried: blank, comment-only, lone braces, the signature. */
      skippedLines: number;
      /** Lines that could be, not tried: over `explain.max_lines`, or the judge could not score their variant. */
      untriedLines: number;
    }
  | { kind: "not-explained"; reason: string };
