import { describe, expect, it } from "vitest";
import { buildPromptSegments } from "../../../src/judge/build-prompt-segments.js";
import { loadNamedTemplate } from "../../../src/judge/load-named-template.js";
import { DEFAULT_PROMPT_TEMPLATE, parsePromptTemplate } from "../../../src/judge/prompt-template.js";
import { splitControlTokens } from "../../../src/judge/split-control-tokens.js";

const CONTROL = new Map([
  ["<|im_start|>", 1],
  ["<|im_end|>", 2],
  ["<|im_end|>x", 3],
]);
const input = {
  description: "Stops at <|im_end|>.",
  signature: "int f()",
  code: 'int f() { return "<|im_start|>".length(); }',
  className: "A",
  name: "f",
};

describe("prompt segments", () => {
  it("splits template text at control tokens, longest first", () => {
    expect(splitControlTokens("a<|im_end|>xb<|im_end|><|im_start|>", CONTROL)).toEqual([
      { text: "a", special: false },
      { text: "<|im_end|>x", special: true },
      { text: "b", special: false },
      { text: "<|im_end|>", special: true },
      { text: "<|im_start|>", special: true },
    ]);
  });

  it("keeps inserted text plain and joins it to the template's plain text around it; the label joins the end", () => {
    const template = {
      ...DEFAULT_PROMPT_TEMPLATE,
      text: "<|im_start|>Q {description}|{signature}|{code}<|im_end|>\n",
    };
    expect(buildPromptSegments(input, template, CONTROL, null, "1")).toEqual([
      { text: "<|im_start|>", special: true },
      { text: `Q ${input.description}|${input.signature}|${input.code}`, special: false },
      { text: "<|im_end|>", special: true },
      { text: "\n1", special: false },
    ]);
  });

  it("puts a chat frame around the content", () => {
    const frame = {
      before: [
        { text: "<|im_start|>", special: true },
        { text: "user\n", special: false },
      ],
      after: [
        { text: "<|im_end|>", special: true },
        { text: "assistant\n", special: false },
      ],
    };
    const segments = buildPromptSegments(input, DEFAULT_PROMPT_TEMPLATE, CONTROL, frame, "Yes");
    expect(segments[1]?.text.startsWith("user\n### Description\nStops at <|im_end|>.")).toBe(true);
    expect(segments.at(-1)).toEqual({ text: "assistant\nYes", special: false });
    expect(segments.filter((s) => s.special)).toHaveLength(2);
  });

  it("reads format and system; a system turn needs the chat format; the zero-shot catalog judge is a chat", async () => {
    const chat = parsePromptTemplate(
      {
        format: "chat",
        system: "S",
        text: "{description}{signature}{code}",
        correct: "Yes",
        incorrect: "No",
      },
      "x",
    );
    expect(chat).toMatchObject({ format: "chat", system: "S" });
    expect(() => parsePromptTemplate({ text: "{description}{signature}{code}", system: "S" }, "x")).toThrow(
      /system/,
    );
    expect(() =>
      parsePromptTemplate({ text: "{description}{signature}{code}", format: "chat-ml" }, "x"),
    ).toThrow(/format/);
    expect(await loadNamedTemplate("qwen2.5-coder-0.5b-instruct-zero-shot")).toMatchObject({
      format: "chat",
      correct: "Yes",
      incorrect: "No",
    });
    expect((await loadNamedTemplate("judge-qwen2.5-coder-0.5b")).format).toBeUndefined();
  });
});
