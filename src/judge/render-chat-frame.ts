import { Template } from "@huggingface/jinja";
import type { PromptTemplate } from "./prompt-template.js";
import type { PromptTokenizer } from "./prompt-tokenizer.js";
import { type PromptSegment, splitControlTokens } from "./split-control-tokens.js";

/** Stands for the user turn's content while the chat template renders; never a control token's text. */
export const CHAT_CONTENT_SENTINEL = "\u0001JAVA_JUDGE_USER_CONTENT\u0001";

export class ChatTemplateError extends Error {
  override name = "ChatTemplateError";
}

/** The chat template's rendering around the user's content: control tokens split out of both sides. */
export interface ChatFrame {
  before: PromptSegment[];
  after: PromptSegment[];
}

/**
 * Renders the model's own chat template (`tokenizer.chat_template`, jinja, as Hugging Face's
 * `apply_chat_template(messages, add_generation_prompt=True, tokenize=False)` does) with an optional system turn and
 * one user turn whose content is a sentinel, and splits the rendering there: the label is read right after it, at
 * the start of the assistant's answer.
 */
export function renderChatFrame(template: PromptTemplate, tokenizer: PromptTokenizer): ChatFrame {
  const source = tokenizer.chatTemplate;
  if (!source) {
    throw new ChatTemplateError(
      `${tokenizer.name} has no chat template (tokenizer.chat_template), so a "format": "chat" judge cannot run on it; ` +
        'use a "completion" template or a model that carries its chat template',
    );
  }
  const messages = [
    ...(template.system === undefined ? [] : [{ role: "system", content: template.system }]),
    { role: "user", content: CHAT_CONTENT_SENTINEL },
  ];
  let rendered: string;
  try {
    rendered = new Template(source).render({
      messages,
      add_generation_prompt: true,
      bos_token: tokenizer.bosText ?? "",
      eos_token: tokenizer.eosText ?? "",
    });
  } catch (error) {
    throw new ChatTemplateError(
      `${tokenizer.name}: its chat template does not render a user turn: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parts = rendered.split(CHAT_CONTENT_SENTINEL);
  if (parts.length !== 2) {
    throw new ChatTemplateError(
      `${tokenizer.name}: its chat template renders the user's message ${parts.length - 1} times, expected once`,
    );
  }
  return {
    before: splitControlTokens(parts[0] as string, tokenizer.controlTokens),
    after: splitControlTokens(parts[1] as string, tokenizer.controlTokens),
  };
}
