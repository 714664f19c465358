import type { MethodRegeneration, RejectReason } from "./types.js";

const REASONS: Record<RejectReason, string> = {
  empty: "empty",
  "syntax-error": "did not parse",
  "not-one-method": "not one method",
  "different-signature": "changed the signature",
  "same-as-original": "repeated the current code",
  duplicate: "duplicates",
};

export interface RegenerationReplyParams {
  results: MethodRegeneration[];
  minGain: number;
  threshold: number;
  /** Methods left out by the per-command cap. */
  leftOut: number;
  /** The command ran out of time: its budget (described), the method it was on, methods not done. */
  timedOut?: { budget: string; during: string; notDone: number };
}

/** The reply to `/judge regenerate`: one line per method, what was posted or why nothing was. */
export function renderRegenerationReply(p: RegenerationReplyParams): string {
  if (p.timedOut) return renderTimedOut(p, p.timedOut);
  const posted = p.results.filter((r) => r.posted).length;
  const lines = [
    posted > 0
      ? `**java-judge** suggested ${posted === 1 ? "a fix" : "fixes"} for ${posted} of ${p.results.length} ${p.results.length === 1 ? "method" : "methods"}:`
      : `**java-judge** has no suggestion for ${p.results.length === 1 ? "this method" : `these ${p.results.length} methods`}:`,
    "",
    ...p.results.map((r) => `- \`${shortName(r)}\` (${r.path}:${r.startLine}): ${describe(r, p)}`),
  ];
  if (p.leftOut > 0)
    lines.push(
      "",
      `${p.leftOut} more flagged methods were left out; run \`/judge regenerate\` again for them.`,
    );
  return lines.join("\n");
}

function describe(r: MethodRegeneration, p: RegenerationReplyParams): string {
  if (r.posted)
    return `[suggestion](${r.posted.url}), score ${fmt(r.bestScore)} against ${fmt(r.originalScore)}.`;
  switch (r.outcome) {
    case "prompt-too-long":
      return `not attempted: ${r.detail ?? "the prompt does not fit the generator's context"}.`;
    case "no-candidates":
      return `no candidate survived: of ${r.generated} written, ${rejections(r) || "none was scored"}.`;
    case "none-beats-original":
      return `no candidate beats the current code by ${p.minGain} (best ${fmt(r.bestScore)} against ${fmt(r.originalScore)}, ${r.kept} distinct candidates).`;
    case "below-threshold":
      return `the best candidate scores ${fmt(r.bestScore)}, below the threshold ${p.threshold}; nothing worth suggesting.`;
    case "suggested":
      return "a suggestion was chosen but could not be posted.";
  }
}

function rejections(r: MethodRegeneration): string {
  return Object.entries(r.rejected)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${n} ${REASONS[reason as RejectReason]}`)
    .join(", ");
}

function shortName(r: Pick<MethodRegeneration, "className" | "name">): string {
  const cls = r.className.split(".").pop();
  return cls ? `${cls}.${r.name}` : r.name;
}

function fmt(score: number | null): string {
  return score === null ? "n/a" : score.toFixed(2);
}

function renderTimedOut(
  p: RegenerationReplyParams,
  t: NonNullable<RegenerationReplyParams["timedOut"]>,
): string {
  const total = p.results.length + t.notDone;
  const lines = [
    `**java-judge** did not finish in ${t.budget}: it stopped while ${t.during}; ${p.results.length} of ${total} ${total === 1 ? "method was" : "methods were"} done.`,
  ];
  if (p.results.length > 0) {
    lines.push(
      "",
      ...p.results.map((r) => `- \`${shortName(r)}\` (${r.path}:${r.startLine}): ${describe(r, p)}`),
    );
  }
  return lines.join("\n");
}
