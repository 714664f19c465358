import type { PromptTemplate } from "../judge/prompt-template.js";
import type { TrainingExample } from "./build-training-examples.js";

/**
 * JSONL for supervised fine-tuning, with the label's sources. The completion is the template's label text and
 * nothing else; the judge reads the first token where prompt + correct and prompt + incorrect differ
 * (src/judge/find-label-tokens.ts), so a trainer puts the loss there.
 * - "completion" templates: `prompt` is exactly the judge's text; tokenize `prompt + completion` whole (never the
 *   completion alone), with BOS first where the model's tokenizer adds one, as the judge does.
 * - "chat" templates: the conversational prompt-completion form of Hugging Face TRL: `prompt` is the messages
 *   ([system], user) and `completion` the assistant's answer, to be rendered with the model's own chat template;
 *   the judge reads the answer's first token. Tokenize the messages' content with special-token parsing off
 *   (`split_special_tokens=True`): a method's text may hold "<|im_end|>", which the judge reads as plain text.
 */
export function renderTrainingLines(
  examples: readonly TrainingExample[],
  template?: Pick<PromptTemplate, "format" | "system">,
): string {
  const chat = template?.format === "chat";
  return examples
    .map((e) => {
      const line = chat
        ? {
            id: e.id,
            prompt: [
              ...(template?.system === undefined ? [] : [{ role: "system", content: template.system }]),
              { role: "user", content: e.prompt },
            ],
            completion: [{ role: "assistant", content: e.completion }],
            label: e.label,
            sources: e.sources,
          }
        : { id: e.id, prompt: e.prompt, completion: e.completion, label: e.label, sources: e.sources };
      return `${JSON.stringify(line)}\n`;
    })
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
