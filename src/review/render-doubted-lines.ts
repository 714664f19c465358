import { pickDoubtedLines } from "../explain/pick-doubted-lines.js";
import type { MethodOutcome } from "./types.js";

/**
 * The comment's paragraph on where the judge doubts a flagged method: the lines whose removal raises its score by at
 * least `minDelta` (text, score with and without), or that the doubt is spread over the method, or why the lines were
 * not worked out. Empty when the method was not explained at all (`explain.mode: off`). A line is linked to the file
 * at the reviewed sha: GitHub anchors a review comment on one range of lines (`start_line`..`line`), the method's here,
 * so the line itself can only be named and linked, not highlighted, without a second comment.
 */
export function renderDoubtedLines(outcome: MethodOutcome, minDelta: number): string[] {
  const e = outcome.explanation;
  if (!e) return [];
  if (e.kind === "not-explained") return [`<sub>Where it doubts: not worked out (${e.reason}).</sub>`];
  const top = pickDoubtedLines(e, minDelta);
  const score = e.score.toFixed(2);
  if (top.length === 0) {
    if (e.lines.length === 0) return [];
    const best = Math.max(...e.lines.map((l) => l.delta));
    return [
      `**Where it doubts:** no single line stands out; the doubt is spread over the method (leaving out any one of the ${e.lines.length} lines tried changes the score by at most ${signed(best)}).`,
      "",
      renderHow(e),
    ];
  }
  const lines = [
    `**Where it doubts:** ${top.length === 1 ? "the line" : "the lines"} whose removal raises the score most:`,
    "",
  ];
  for (const l of top) {
    const where = outcome.fileUrl ? `[line ${l.line}](${outcome.fileUrl}#L${l.line})` : `line ${l.line}`;
    lines.push(
      `- ${where}: ${inlineCode(l.text)}: score ${(e.score + l.delta).toFixed(2)} without it (${score} with it)`,
    );
  }
  lines.push("", renderHow(e));
  return lines;
}

/** How the lines were found, and which were not tried. */
function renderHow(e: Extract<MethodOutcome["explanation"], { kind: "explained" }>): string {
  const over =
    e.untriedLines > 0
      ? `, ${e.untriedLines} not tried (over explain.max_lines, or too long for the judge)`
      : "";
  return `<sub>Each line scored again without it (occlusion): ${e.lines.length} tried${over}; ${e.skippedLines} that cannot be the culprit (blank, comment, lone brace, signature) skipped.</sub>`;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
}

/** Inline code that holds any backticks of the line: a fence one longer than its longest run. */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
