import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate } from "../src/judge/prompt-template.js";

// A judge fine-tuned with an instruction preamble (a rubric) before each item: every prompt then opens with the same
// few hundred tokens, the case prefix reuse is built for. Models declare such a template in models/models.json.
const RUBRIC = `### Instructions
You are reviewing one Java method of a pull request. Decide whether the method correctly implements its
description. Read the description first; when there is none, infer the intent from the class and method names.
Check the edge cases: empty and null inputs, bounds and off-by-one errors, overflow, integer division, character
encodings, resource handling and exceptions, concurrency where the method is synchronized or shares state.
Do not reward style, comments or naming; judge behaviour only. A method that is correct for the usual inputs but
wrong on an edge case the description covers is incorrect. A method that throws where the description promises a
result is incorrect. A method whose description is ambiguous is correct when it meets one reasonable reading.
Answer with one digit on the line after the Rating header: 1 when correct, 0 when incorrect.
`;

export const SHARED_PREFIX_TEMPLATE: PromptTemplate = {
  ...DEFAULT_PROMPT_TEMPLATE,
  text: `${RUBRIC}${DEFAULT_PROMPT_TEMPLATE.text}`,
};
