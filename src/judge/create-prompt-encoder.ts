import { createHash } from "node:crypto";
import { buildPromptSegments } from "./build-prompt-segments.js";
import { findLabelTokens, type LabelTokens } from "./find-label-tokens.js";
import type { PromptTemplate } from "./prompt-template.js";
import type { PromptTokenizer } from "./prompt-tokenizer.js";
import { type ChatFrame, renderChatFrame } from "./render-chat-frame.js";
import type { PromptSegment } from "./split-control-tokens.js";
import type { JudgeInput } from "./types.js";

/** Template + model -> token ids: the one path of judge, eval, rank-eval and export (and the trainer's check). */
export interface PromptEncoder {
  /** Segments of the prompt (+ label text), before BOS and tokenization. */
  segments(input: JudgeInput, label?: string): PromptSegment[];
  /** The model's token ids of the prompt (+ label text): BOS first when the tokenizer adds one. */
  tokens(input: JudgeInput, label?: string): number[];
  /** Where the labels are read (find-label-tokens.ts), from tokens(input, correct) and tokens(input, incorrect). */
  labels(input: JudgeInput): LabelTokens;
  /**
   * Changes whenever the same input could give other tokens: template, chat frame, control tokens used, BOS. With
   * the model file's fingerprint, the score cache's model part.
   */
  readonly key: string;
}

/**
 * The rules (models/README.md, "BOS, control tokens and chat-format templates"; training/ mirrors them): control tokens are recognised only in the template's literal text and the
 * chat template's rendering; every plain segment is tokenized with special parsing off; BOS is prepended iff the
 * tokenizer adds one and the tokens do not already start with it (Gemma's chat template writes `<bos>`); no EOS.
 * Throws ChatTemplateError for a chat template on a model without one.
 */
export function createPromptEncoder(template: PromptTemplate, tokenizer: PromptTokenizer): PromptEncoder {
  const frame: ChatFrame | null = template.format === "chat" ? renderChatFrame(template, tokenizer) : null;
  const bos = tokenizer.addsBos ? tokenizer.bosToken : null;
  const segments = (input: JudgeInput, label = "") =>
    buildPromptSegments(input, template, tokenizer.controlTokens, frame, label);
  const tokens = (input: JudgeInput, label = ""): number[] => {
    const ids: number[] = [];
    for (const s of segments(input, label)) {
      if (!s.special) ids.push(...tokenizer.tokenize(s.text));
      else ids.push(tokenizer.controlTokens.get(s.text) as number);
    }
    if (bos !== null && ids[0] !== bos) ids.unshift(bos);
    return ids;
  };
  const key = createHash("sha256")
    .update(JSON.stringify({ rule: "prompt-tokens-2", template, frame, bos }))
    .digest("hex")
    .slice(0, 12);
  return {
    segments,
    tokens,
    labels: (input) => findLabelTokens((label) => tokens(input, label), template),
    key,
  };
}

/** One input's prompt token ids (no label): for callers, like the trainer's agreement test, that need only these. */
export function buildPromptTokens(
  template: PromptTemplate,
  input: JudgeInput,
  tokenizer: PromptTokenizer,
): number[] {
  return createPromptEncoder(template, tokenizer).tokens(input);
}
