import { describe, expect, it } from "vitest";
import { collapseWhitespace, methodHash, methodKey } from "../../../src/java/method-key.js";
import { parseJavadoc, parseMarkdownDoc } from "../../../src/java/parse-javadoc.js";

describe("methodKey and methodHash", () => {
  it("joins path, class chain, name and parameter types", () => {
    const key = methodKey({
      path: "src/A.java",
      className: "A.<anonymous>",
      name: "run",
      parameterTypes: ["int", "T..."],
    });
    expect(key).toBe("src/A.java:A.<anonymous>#run(int,T...)");
  });

  it("hashes the declaration with whitespace runs collapsed", () => {
    expect(methodHash("int f() {\r\n\treturn 1;\n}")).toBe(methodHash("int f() { return 1; }"));
    expect(methodHash("int f() { return 1; }")).not.toBe(methodHash("int f() { return 2; }"));
    expect(methodHash("int f() { return 1; }")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("treats a no-break space as content, as Java does", () => {
    expect(collapseWhitespace('s = "a\u00a0b";')).toBe('s = "a\u00a0b";');
    expect(collapseWhitespace("  a \t\f b  ")).toBe("a b");
  });
});

describe("parseJavadoc", () => {
  it("drops the markers and the leading stars, keeps tags and code indentation", () => {
    expect(
      parseJavadoc("/**\n   * Sums.\n   *\n   * <pre>\n   *   x + y\n   * </pre>\n   * @return s\n   */"),
    ).toBe("Sums.\n\n<pre>\n  x + y\n</pre>\n@return s");
  });

  it("reads one-line and star-less comments", () => {
    expect(parseJavadoc("/** One line. */")).toBe("One line.");
    expect(parseJavadoc("/**\n    No stars here\n    at all\n*/")).toBe("No stars here\nat all");
    expect(parseJavadoc("/***/")).toBe("");
  });
});

describe("parseMarkdownDoc", () => {
  it("drops the slashes and the shared indentation of `///` lines", () => {
    expect(parseMarkdownDoc(["/// Sums.", "///", "///     code", "/// @return s"])).toBe(
      "Sums.\n\n    code\n@return s",
    );
  });
});
