import { describe, expect, it } from "vitest";
import { maskJava } from "../../../src/generator/mask-java.js";
import { normalizeJava } from "../../../src/generator/normalize-java.js";

describe("maskJava", () => {
  it("blanks comments and literal contents, keeping offsets and newlines", () => {
    const src = 'a = "x}\\"y"; // }\nb = \'}\'; /* {\n */ c = """\n  }""";';
    const masked = maskJava(src);
    expect(masked).toHaveLength(src.length);
    expect(masked).toBe('a = "     ";     \nb = \' \';     \n    c = """\n   """;');
  });

  it("blanks only comments when asked", () => {
    expect(maskJava('s = "//"; // c', { literals: false })).toBe('s = "//";     ');
  });

  it("blanks an unterminated comment or text block to the end", () => {
    expect(maskJava("x /* never closed {")).toBe("x                  ");
    expect(maskJava('x = """\n{')).toBe('x = """\n ');
  });
});

describe("normalizeJava", () => {
  it("drops layout but keeps words apart and string contents as they are", () => {
    expect(normalizeJava('int  f( int x )\n{\n  return x + "a  b";\n}')).toBe(
      'int f(int x){return x+"a  b";}',
    );
  });

  it("keeps operators that would fuse apart", () => {
    expect(normalizeJava("a - -b")).toBe("a- -b");
    expect(normalizeJava("a + +b")).not.toBe(normalizeJava("a++b"));
  });
});
