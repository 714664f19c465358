import { describe, expect, it } from "vitest";
import { extractCandidate } from "../../../src/generator/extract-candidate.js";

const METHOD = "public int twice(int x) {\n    return 2 * x;\n}";

describe("extractCandidate", () => {
  it("takes the code before the fence that closes the prompt's fence", () => {
    expect(
      extractCandidate(`${METHOD}\n\`\`\`\n\nThat doubles x.\n\`\`\`java\nint other() { return 1; }\n\`\`\``),
    ).toBe(METHOD);
  });

  it("takes the java block out of chatter", () => {
    const raw = `Here you go:\n\n\`\`\`java\n${METHOD}\n\`\`\`\nHope this helps! (It is O(1).)`;
    expect(extractCandidate(raw)).toBe(METHOD);
  });

  it("prefers a java block over an earlier block of another language", () => {
    const raw = `Run:\n\`\`\`bash\nmvn test\n\`\`\`\nCode:\n\`\`\`java\n${METHOD}\n\`\`\``;
    expect(extractCandidate(raw)).toBe(METHOD);
  });

  it("reads an unterminated fence to the end", () => {
    expect(extractCandidate(`\`\`\`java\n${METHOD}\n`)).toBe(METHOD);
  });

  it("drops chatter without any fence and removes the common indentation", () => {
    const raw = `Sure, the fixed method is:\n\n    public int twice(int x) {\n        return 2 * x;\n    }\n\nIt now multiplies.`;
    expect(extractCandidate(raw)).toBe(METHOD);
  });

  it("keeps annotations and modifiers on the lines above the header", () => {
    const raw =
      'Fixed:\n@Override\n@SuppressWarnings("unchecked")\npublic\nint twice(int x) {\n    return 2 * x;\n}';
    expect(extractCandidate(raw)).toBe(
      '@Override\n@SuppressWarnings("unchecked")\npublic\nint twice(int x) {\n    return 2 * x;\n}',
    );
  });

  it("takes the method out of a wrapping class", () => {
    const raw = `public class Solution {\n    ${METHOD.replace(/\n/g, "\n    ")}\n}`;
    expect(extractCandidate(raw)).toBe(METHOD);
  });

  it("is not fooled by braces and fences inside strings and comments", () => {
    const code =
      "public String tag(int x) throws java.io.IOException {\n    // a } here\n    String s = \"}```{\";\n    char c = '}';\n    return s + c + x;\n}";
    expect(extractCandidate(`${code}\nThat is all.`)).toBe(code);
  });

  it("keeps a helper next to the method, so the filter can reject the pair", () => {
    const raw = `${METHOD}\n\nprivate int helper() {\n    return 1;\n}\nDone.`;
    expect(extractCandidate(raw)).toBe(`${METHOD}\n\nprivate int helper() {\n    return 1;\n}`);
  });

  it("returns a cut-off method as it is, for the filter to reject", () => {
    expect(extractCandidate("public int twice(int x) {\n    if (x > 0) {\n        return")).toBe(
      "public int twice(int x) {\n    if (x > 0) {\n        return",
    );
  });

  it("returns trimmed text when there is no method at all", () => {
    expect(extractCandidate("  \nI cannot do that.\n")).toBe("I cannot do that.");
    expect(extractCandidate("")).toBe("");
  });

  it("handles CRLF output", () => {
    expect(extractCandidate(`${METHOD.replace(/\n/g, "\r\n")}\r\n\`\`\`\r\n`)).toBe(METHOD);
  });
});
