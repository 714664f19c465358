import type { TrainingExample } from "./build-training-examples.js";

/**
 * JSONL for supervised fine-tuning: prompt + completion in the judge's template, with the label's sources. The
 * completion is the template's label text and nothing else, and the prompt is exactly the judge's: a trainer
 * tokenizes `prompt + completion` whole (never the completion alone, no BOS, as the judge) and puts the loss on the
 * first token where prompt + correct and prompt + incorrect differ (src/judge/find-label-tokens.ts), the token the
 * judge reads.
 */
export function renderTrainingLines(examples: readonly TrainingExample[]): string {
  return examples
    .map(
      (e) =>
        `${JSON.stringify({ id: e.id, prompt: e.prompt, completion: e.completion, label: e.label, sources: e.sources })}\n`,
    )
    .join("");
}

/** The same records as an `eval` dataset ({id, task?, code, label}), so a fine-tuned judge can be measured. */
export function renderEvalLines(examples: readonly TrainingExample[]): string {
  return examples
    .map((e) => {
      const line = {
        id: e.id,
        ...(e.description === null ? {} : { task: e.description }),
        code: e.code,
        label: e.label,
      };
      return `${JSON.stringify({ ...line, sources: e.sources.map((s) => s.signal) })}\n`;
    })
    .join("");
}
