import type { PromptTemplate } from "./prompt-template.js";
import type { JudgeInput } from "./types.js";

/**
 * Renders the prompt of one input. Inserted text cannot add a section: a line of it that starts with "###"
 * (after indentation) gets a backslash before its hashes, so a method holding "### Rating" cannot end its section.
 * The shared text before the first placeholder comes first, so consecutive prompts share a token prefix.
 */
export function buildJudgePrompt(input: JudgeInput, template: PromptTemplate): string {
  const values: Record<string, string> = {
    description: neutralizeInsert(describeInput(input)),
    signature: neutralizeInsert(input.signature.trim()),
    code: neutralizeInsert(input.code.replace(/\s+$/, "")),
  };
  // One pass, so a placeholder inside inserted text is never expanded.
  return template.text.replace(/\{(description|signature|code)\}/g, (_, key: string) => values[key] ?? "");
}

/** The description placeholder's text: the Javadoc, else what the method's name and class say. */
export function describeInput(input: JudgeInput): string {
  const text = input.description?.trim();
  if (text) return text;
  return `None (method ${input.name} of class ${input.className || "<unknown>"})`;
}

/** Inserted text cannot start a "###" section of its own. */
export function neutralizeInsert(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/^([ \t]*)(###)/gm, "$1\\$2");
}
