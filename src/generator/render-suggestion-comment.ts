import { renderMarker } from "../github/render-marker.js";
import type { RenderedSuggestion } from "./render-suggestion.js";

export interface SuggestionCommentParams {
  key: string;
  hash: string;
  displayName: string;
  suggestion: RenderedSuggestion;
  score: number;
  originalScore: number | null;
  kept: number;
  generated: number;
  generator: string;
}

/** The line comment that carries a suggested implementation, with the method's hidden marker. */
export function renderSuggestionComment(p: SuggestionCommentParams): string {
  const against =
    p.originalScore === null ? "" : ` against **${p.originalScore.toFixed(2)}** for the current code`;
  const how =
    p.suggestion.kind === "suggestion"
      ? "Commit it with the button below, or edit it first."
      : "GitHub cannot offer it as a one-click suggestion here (the method is not all inside one diff hunk); copy it if it helps.";
  return [
    renderMarker(p.key, p.hash),
    `**java-judge** suggests this implementation of \`${p.displayName}\`: judge score **${p.score.toFixed(2)}**${against} (best of ${p.kept} distinct candidates from ${p.generated} written by ${p.generator}).`,
    "",
    p.suggestion.block,
    "",
    how,
    "",
    "<sub>Written by a small model and ranked by another; read it and run the tests before you commit it.</sub>",
  ].join("\n");
}
