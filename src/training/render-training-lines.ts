import { buildJudgePrompt } from "../judge/build-judge-prompt.js";
import type { PromptTemplate } from "../judge/prompt-template.js";
import type { JudgeInput } from "../judge/types.js";

/**
 * The trainer's input: one `{prompt, label_text, label}` JSON line per example, the prompt rendered by the judge's
 * own builder and template, so the Python side never needs the template.
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
      const prompt = buildJudgePrompt(input, template);
      const labelText = label === 1 ? template.correct : template.incorrect;
      return `${JSON.stringify({ prompt, label_text: labelText, label })}\n`;
    })
    .join("");
}
