import { renderMarker } from "../github/render-marker.js";
import { REVIEW_REACTIONS } from "../store/review-reactions.js";
import { renderDoubtedLines } from "./render-doubted-lines.js";
import type { MethodOutcome } from "./types.js";

export interface CommentBodyParams {
  outcome: MethodOutcome;
  threshold: number;
  suggestionsMode: "off" | "on-request" | "auto";
  /** `explain.min_delta`: where the method carries an explanation, lines at or above it are named. */
  minDelta?: number;
}

/** The body of the line comment on a flagged method. */
export function renderCommentBody({
  outcome,
  threshold,
  suggestionsMode,
  minDelta = 0.1,
}: CommentBodyParams): string {
  const score = outcome.result.kind === "scored" ? outcome.result.score : 0;
  const lines = [
    renderMarker(outcome.key, outcome.hash),
    `**java-judge** doubts that \`${displayName(outcome)}\` does what ${
      outcome.hasJavadoc ? "its Javadoc says" : "its name suggests"
    }: score **${formatScore(score)}** (threshold ${formatScore(threshold)}).`,
    "",
    `The judge model estimates a ${percent(score)} chance that this ${
      outcome.change === "added" ? "new" : "changed"
    } method is correct.${
      outcome.hasJavadoc
        ? ""
        : " It has no Javadoc, so the class and method names were all it had; a description helps it."
    }`,
  ];
  const doubted = renderDoubtedLines(outcome, minDelta);
  if (doubted.length > 0) lines.push("", ...doubted);
  if (suggestionsMode !== "off") {
    lines.push("", "Reply `/judge regenerate` for a suggested implementation.");
  }
  lines.push(
    "",
    `<sub>A small model's estimate, not a proof. ${renderReactionHint(displayName(outcome))}</sub>`,
  );
  return lines.join("\n");
}

/** "React 👍 if `A.f` really is wrong (this comment is right), 👎 if `A.f` is correct (...)." The method is named. */
export function renderReactionHint(method: string): string {
  const choices = REVIEW_REACTIONS.map((r) => `${r.emoji} if \`${method}\` ${r.meaning}`);
  return `React ${choices.join(", ")}.`;
}

export function displayName(o: Pick<MethodOutcome, "className" | "name">): string {
  const cls = o.className.split(".").pop() ?? o.className;
  return cls ? `${cls}.${o.name}` : o.name;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
