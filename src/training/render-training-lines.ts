import type { PromptTemplate } from "../judge/prompt-template.js";
import type { JudgeInput } from "../judge/types.js";
import { buildTrainingPieces } from "./build-training-pieces.js";

/**
 * The trainer's input: one `{pieces, label_text, label}` JSON line per example, the prompt split by the judge's own
 * template into its literal text and the inserted values (build-training-pieces.ts). training/train.py turns them
 * into token ids by the judge's contract (control tokens, chat format, BOS), so it never needs the template's text.
 */
export function renderTrainingLines(
  inputs: readonly JudgeInput[],
  labels: readonly (0 | 1)[],
  template: PromptTemplate,
): string {
  return inputs
    .map((input, i) => {
      const label = labels[i];
      if (label === undefined) throw new Error(`no label for input ${i}`);
      const pieces = buildTrainingPieces(input, template);
      const labelText = label === 1 ? template.correct : template.incorrect;
      return `${JSON.stringify({ pieces, label_text: labelText, label })}\n`;
    })
    .join("");
}
