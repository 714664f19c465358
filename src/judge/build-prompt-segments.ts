import { describeInput, neutralizeInsert } from "./build-judge-prompt.js";
import { mergePlainSegments } from "./merge-plain-segments.js";
import type { PromptTemplate } from "./prompt-template.js";
import type { ChatFrame } from "./render-chat-frame.js";
import { type PromptSegment, splitControlTokens } from "./split-control-tokens.js";
import type { JudgeInput } from "./types.js";

/**
 * The prompt of one input as segments (models/README.md, "BOS, control tokens and chat-format templates"): the
 * template's literal text split at control tokens, the inserted description/signature/code always plain, inside the
 * chat frame for a chat template, and `label` (if any) as plain text at the end. Adjacent plain pieces are joined.
 */
export function buildPromptSegments(
  input: JudgeInput,
  template: PromptTemplate,
  controlTokens: ReadonlyMap<string, number>,
  frame: ChatFrame | null,
  label = "",
): PromptSegment[] {
  const values: Record<string, string> = {
    description: neutralizeInsert(describeInput(input)),
    signature: neutralizeInsert(input.signature.trim()),
    code: neutralizeInsert(input.code.replace(/\s+$/, "")),
  };
  const content: PromptSegment[] = [];
  // Odd parts are placeholder names: one pass, so a placeholder inside inserted text is never expanded.
  template.text.split(/\{(description|signature|code)\}/).forEach((part, i) => {
    if (i % 2 === 1) content.push({ text: values[part] ?? "", special: false });
    else content.push(...splitControlTokens(part, controlTokens));
  });
  return mergePlainSegments([
    ...(frame?.before ?? []),
    ...content,
    ...(frame?.after ?? []),
    { text: label, special: false },
  ]);
}
