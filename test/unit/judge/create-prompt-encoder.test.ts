import { describe, expect, it } from "vitest";
import { createPromptEncoder } from "../../../src/judge/create-prompt-encoder.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../../src/judge/prompt-template.js";
import type { PromptTokenizer } from "../../../src/judge/prompt-tokenizer.js";

// A stand-in tokenizer: one token per character (its code), control tokens 1000+, BOS 1.
function tokenizer(addsBos: boolean, chatTemplate: string | null = null): PromptTokenizer {
  return {
    name: "stand-in",
    tokenize: (text) => [...text].map((c) => c.codePointAt(0) as number),
    controlTokens: new Map([
      ["<s>", 1],
      ["<|user|>", 1001],
      ["<|end|>", 1002],
    ]),
    bosToken: 1,
    addsBos,
    bosText: "<s>",
    eosText: "<|end|>",
    chatTemplate,
  };
}
const input = { description: "d <|end|>", signature: "s", code: "c", className: "A", name: "f" };
const template = { ...DEFAULT_PROMPT_TEMPLATE, text: "{description}|{signature}|{code}|" };
const CHAT_TEMPLATE =
  "{{ bos_token }}{% for m in messages %}<|user|>{{ m['content'] }}<|end|>{% endfor %}{% if add_generation_prompt %}>{% endif %}";

describe("createPromptEncoder", () => {
  it("puts BOS first when the tokenizer adds one, and the key changes with it", () => {
    const on = createPromptEncoder(template, tokenizer(true));
    const off = createPromptEncoder(template, tokenizer(false));
    const plain = [..."d <|end|>|s|c|"].map((c) => c.codePointAt(0));
    expect(off.tokens(input)).toEqual(plain);
    expect(on.tokens(input)).toEqual([1, ...plain]);
    expect(on.labels(input)).toEqual({ context: [1, ...plain], correct: 49, incorrect: 48 });
    expect(on.key).not.toBe(off.key);
  });

  it("renders a chat: the frame's control tokens, the content plain, BOS once, the label after the frame", () => {
    const chat = createPromptEncoder({ ...template, format: "chat" }, tokenizer(true, CHAT_TEMPLATE));
    const tokens = chat.tokens(input, "1");
    expect(tokens.slice(0, 2)).toEqual([1, 1001]);
    expect(tokens.filter((t) => t === 1)).toHaveLength(1);
    expect(tokens.filter((t) => t === 1002)).toHaveLength(1); // the frame's; the description's "<|end|>" is text
    expect(tokens.slice(-2)).toEqual([">".codePointAt(0), "1".codePointAt(0)]);
    expect(chat.key).not.toBe(createPromptEncoder(template, tokenizer(true, CHAT_TEMPLATE)).key);
  });

  it("refuses a chat on a tokenizer without a chat template, naming the model", () => {
    expect(() => createPromptEncoder({ ...template, format: "chat" }, tokenizer(true))).toThrow(
      /stand-in has no chat template/,
    );
  });
});
