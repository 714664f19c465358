import { pickDoubtedLines } from "../explain/pick-doubted-lines.js";
import { formatScore } from "./render-comment-body.js";
import type { MethodOutcome, SkippedFile } from "./types.js";

export interface CheckSummaryParams {
  outcomes: MethodOutcome[];
  skippedFiles: SkippedFile[];
  threshold: number;
  models: string[];
  promptTokens: number;
  evaluatedTokens: number;
  seconds: number;
  inlineComments: number;
  annotations: number;
  /** Comments GitHub refused (422) even after validation, reported so nothing is lost silently. */
  refused: { path: string; line: number; reason: string }[];
  /** What explaining the flagged methods cost (`explain.*`); absent: nothing said about it. */
  explain?: {
    methods: number;
    promptTokens: number;
    evaluatedTokens: number;
    seconds: number;
    /** Why flagged methods are without their lines (time ran out, the model failed), or null. */
    note: string | null;
    /** `explain.min_delta`: a line is named (and linked) only at or above it. */
    minDelta?: number;
  };
}

// GitHub rejects a check-run summary over 65535 characters.
const MAX_SUMMARY = 65_000;

export function renderCheckTitle(outcomes: MethodOutcome[]): string {
  const scored = outcomes.filter((o) => o.result.kind === "scored");
  const flagged = scored.filter((o) => o.result.kind === "scored" && o.result.flagged).length;
  const skipped = outcomes.length - scored.length;
  const head =
    flagged > 0
      ? `${flagged} of ${scored.length} ${plural(scored.length, "method")} flagged`
      : `${scored.length} ${plural(scored.length, "method")} judged, none flagged`;
  return skipped > 0 ? `${head}, ${skipped} skipped` : head;
}

/** The completed check run's summary: a table of every changed method, then what the run cost. */
export function renderCheckSummary(p: CheckSummaryParams): string {
  const header = ["| method | location | score | verdict |", "|---|---|---|---|"];
  const rows = [...p.outcomes].sort(byFlaggedFirst).map((o) => {
    const where = `\`${o.path}:${o.startLine}\``;
    const name = `\`${escapeCell(o.className ? `${o.className}.${o.name}` : o.name)}\``;
    if (o.result.kind === "skipped")
      return `| ${name} | ${where} | — | skipped: ${escapeCell(o.result.reason)} |`;
    const verdict = o.result.flagged
      ? `⚠️ flagged${renderDoubt(o, p.explain?.minDelta ?? DEFAULT_MIN_DELTA)}`
      : "✅ passes";
    return `| ${name} | ${where} | ${formatScore(o.result.score)} | ${verdict} |`;
  });
  const tail: string[] = [];
  if (p.skippedFiles.length > 0) {
    tail.push("", "**Files not reviewed**", "");
    for (const f of p.skippedFiles) tail.push(`- \`${f.path}\`: ${f.reason}`);
  }
  if (p.refused.length > 0) {
    tail.push("", "**Comments GitHub refused** (listed here instead)", "");
    for (const r of p.refused) tail.push(`- \`${r.path}:${r.line}\`: ${r.reason}`);
  }
  tail.push(
    "",
    `Threshold ${formatScore(p.threshold)}; ${p.inlineComments} line ${plural(p.inlineComments, "comment")}, ` +
      `${p.annotations} ${plural(p.annotations, "annotation")}.`,
    `Model: ${p.models.join(", ") || "none"} · ${p.promptTokens} prompt tokens (${p.evaluatedTokens} evaluated) · ` +
      `${p.seconds.toFixed(1)} s.`,
  );
  if (p.explain && (p.explain.methods > 0 || p.explain.note)) {
    const e = p.explain;
    tail.push(
      e.methods > 0
        ? `Lines behind the flagged scores: ${e.methods} ${plural(e.methods, "method")}, ${e.promptTokens} prompt tokens (${e.evaluatedTokens} evaluated) · ${e.seconds.toFixed(1)} s${e.note ? `; the others not worked out (${e.note})` : ""}.`
        : `Lines behind the flagged scores: not worked out (${e.note}); the findings are posted without them.`,
    );
  }
  const body = [...header];
  let length = [...header, ...tail].join("\n").length;
  for (const [i, row] of rows.entries()) {
    if (length + row.length + 200 > MAX_SUMMARY) {
      body.push(`| … ${rows.length - i} more rows cut (GitHub's 65535-character limit) | | | |`);
      break;
    }
    body.push(row);
    length += row.length + 1;
  }
  return [...body, ...tail].join("\n");
}

const DEFAULT_MIN_DELTA = 0.1;

/** The top doubted line, linked to the file at the reviewed sha, or a word on why there is none. */
function renderDoubt(o: MethodOutcome, minDelta: number): string {
  const e = o.explanation;
  if (!e) return "";
  if (e.kind === "not-explained") return "";
  const top = pickDoubtedLines(e, minDelta, 1)[0];
  if (!top) return e.lines.length > 0 ? " · doubt spread over the method" : "";
  const label = `line ${top.line}`;
  const link = o.fileUrl ? `[${label}](${o.fileUrl}#L${top.line})` : label;
  return ` · most doubted: ${link} (${formatScore(e.score + top.delta)} without it)`;
}

function byFlaggedFirst(a: MethodOutcome, b: MethodOutcome): number {
  return rank(a) - rank(b) || a.path.localeCompare(b.path) || a.startLine - b.startLine;
}

function rank(o: MethodOutcome): number {
  if (o.result.kind === "skipped") return 2;
  return o.result.flagged ? 0 : 1;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
