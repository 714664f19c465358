import { describe, expect, it } from "vitest";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import {
  collapseWhitespace,
  disambiguateKeys,
  legacyMethodKey,
  methodHash,
  methodKey,
  parseMethodKey,
} from "../../../src/java/method-key.js";
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

const KEYED = `class Outer {
  Comparator<String> byLength = new Comparator<String>() {
    public int compare(String a, String b) { return a.length() - b.length(); }
  }, byName = new Comparator<String>() {
    public int compare(String a, String b) { return a.compareTo(b); }
  };
  static { new Thread() { public void run() {} }; }
  List<Diff<?>> build(Map<String, List<Integer>> m) {
    return List.of(
      new Diff<Boolean>("a") { public Boolean getLeft() { return true; } },
      new Diff<Boolean>("b") { public Boolean getLeft() { return false; } });
  }
  void locals() {
    if (x) { class H { void v() {} } } else { class H { void v() {} } }
  }
  enum Op { PLUS { int apply() { return 1; } }, MINUS { int apply() { return 2; } } }
}
`;

async function keysOf(source: string): Promise<string[]> {
  const parser = await loadJavaParser();
  return parser.extractMethods("p/Outer.java", source).map((m) => m.key);
}

describe("method keys of anonymous and local classes", () => {
  it("are unique within a file: member and position, `~n` where slots still collide", async () => {
    const keys = await keysOf(KEYED);
    expect(keys).toEqual([
      "p/Outer.java:Outer.<anonymous@byLength#1>#compare(String,String)",
      "p/Outer.java:Outer.<anonymous@byName#1>#compare(String,String)",
      "p/Outer.java:Outer.<anonymous@static{}#1>#run()",
      "p/Outer.java:Outer#build(Map<String,List<Integer>>)",
      "p/Outer.java:Outer.<anonymous@build(Map<String,List<Integer>>)#1>#getLeft()",
      "p/Outer.java:Outer.<anonymous@build(Map<String,List<Integer>>)#2>#getLeft()",
      "p/Outer.java:Outer#locals()",
      "p/Outer.java:Outer.<local:H@locals()>#v()",
      "p/Outer.java:Outer.<local:H@locals()>#v()~2",
      "p/Outer.java:Outer.Op.<anonymous@PLUS#1>#apply()",
      "p/Outer.java:Outer.Op.<anonymous@MINUS#1>#apply()",
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("stay when an anonymous class is added in another member, above or below", async () => {
    const before = await keysOf(KEYED);
    const above = KEYED.replace(
      "  Comparator<String> byLength",
      "  Runnable first = new Runnable() { public void run() {} };\n  Comparator<String> byLength",
    );
    const below = KEYED.replace(
      "  void locals() {",
      "  void later() { new Thread() { public void run() {} }.start(); }\n  void locals() {",
    );
    for (const changed of [above, below]) {
      const after = await keysOf(changed);
      expect(after.length).toBeGreaterThan(before.length);
      expect(before.filter((k) => !after.includes(k))).toEqual([]);
    }
  });

  it("read back, and map to the key older versions wrote", async () => {
    const keys = await keysOf(KEYED);
    const parser = await loadJavaParser();
    const methods = parser.extractMethods("p/Outer.java", KEYED);
    for (const m of methods) {
      expect(legacyMethodKey(m.key)).toBe(methodKey(m));
      expect(parseMethodKey(m.key)).toMatchObject({
        path: m.path,
        className: m.className,
        name: m.name,
        parameterTypes: m.parameterTypes,
      });
    }
    expect(keys[4] && legacyMethodKey(keys[4])).toBe("p/Outer.java:Outer.<anonymous>#getLeft()");
    expect(parseMethodKey("a:b/C.java:C.<local:H>#f(Map<K,V>,int[])")).toEqual({
      path: "a:b/C.java",
      chain: "C.<local:H>",
      className: "C.<local:H>",
      name: "f",
      parameterTypes: ["Map<K,V>", "int[]"],
    });
    expect(parseMethodKey("no key")).toBeNull();
    expect(disambiguateKeys(["a", "b", "a", "a"])).toEqual(["a", "b", "a~2", "a~3"]);
  });
});
