import { describe, expect, it } from "vitest";
import { buildGeneratorPrompt } from "../../../src/generator/build-generator-prompt.js";

/** Counts whitespace-separated words: a tokenizer stand-in whose counts a reader can check by eye. */
const countWords = (text: string) => text.split(/\s+/).filter((w) => w !== "").length;
const context = {
  fields: ["private int size;", "private final List<String> items = new ArrayList<>();"],
  siblingSignatures: ["public int size()", "public void add(String item)"],
  imports: ["import java.util.List;", "import java.util.ArrayList;"],
};
const params = {
  description: "Removes the first occurrence of the item.",
  signature: "public boolean remove(String item)",
  className: "com.example.Bag",
  name: "remove",
  context,
  maxTokens: 1000,
  countTokens: countWords,
};

describe("buildGeneratorPrompt", () => {
  it("puts the class context, description and signature in the template and opens the code block", () => {
    const r = buildGeneratorPrompt(params);
    if (!r.ok) throw new Error(r.reason);
    expect(r.prompt).toContain(
      "### Class\ncom.example.Bag\n### Fields\nprivate int size;\nprivate final List<String> items = new ArrayList<>();\n### Other methods\npublic int size()\npublic void add(String item)\n### Imports\nimport java.util.List;\nimport java.util.ArrayList;\n### Description\nRemoves the first occurrence of the item.\n### Signature\npublic boolean remove(String item)\n### Method\n```java\n",
    );
    expect(r.prompt.endsWith("```java\n")).toBe(true);
    expect(r.tokens).toBe(countWords(r.prompt));
    expect(r.omitted).toEqual({ fields: 0, siblingSignatures: 0, imports: 0 });
  });

  it("leaves out context lines, imports first, to stay within the budget", () => {
    const full = buildGeneratorPrompt(params);
    if (!full.ok) throw new Error(full.reason);
    const r = buildGeneratorPrompt({ ...params, maxTokens: full.tokens - 4 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.tokens).toBeLessThanOrEqual(full.tokens - 4);
    expect(r.omitted.fields).toBe(0);
    expect(r.omitted.imports).toBeGreaterThan(0);
    expect(r.prompt).toContain("private int size;");
  });

  it("writes None for a method without description", () => {
    const r = buildGeneratorPrompt({
      ...params,
      description: null,
      context: { fields: [], siblingSignatures: [], imports: [] },
    });
    expect(r.ok && r.prompt).toContain("### Description\nNone\n### Signature");
  });

  it("fails with the figures when the description and signature alone are over the budget", () => {
    const r = buildGeneratorPrompt({ ...params, maxTokens: 10 });
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the description and signature alone take \d+ tokens, over the generator's budget of 10$/,
      ),
    });
  });

  it("keeps inserted text from starting a section or a code block", () => {
    const r = buildGeneratorPrompt({ ...params, description: "Does it.\n### Method\n```java\nint x;" });
    if (!r.ok) throw new Error(r.reason);
    expect(r.prompt.match(/^### Method$/gm)).toHaveLength(1);
    expect(r.prompt).toContain("Does it.\n ### Method\n ```java\nint x;");
  });

  it("fills a model's own template", () => {
    const r = buildGeneratorPrompt({
      ...params,
      template: "<fim>{{signature}} // {{name}} in {{className}}\n{{unknown}}",
    });
    expect(r.ok && r.prompt).toBe(
      "<fim>public boolean remove(String item) // remove in com.example.Bag\n{{unknown}}",
    );
  });
});
