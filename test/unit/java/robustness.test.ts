import { describe, expect, it } from "vitest";
import { decodeSource } from "../../../src/java/decode-source.js";
import { extract, outline, readFixture } from "./fixtures.js";

describe("extractMethods on broken and unusual input", () => {
  it("marks only the broken methods and still reads the others right", async () => {
    const methods = await extract("Broken.java");
    expect(outline(methods)).toEqual([
      "Broken#before 4-6 method",
      "Broken#missingSemicolon 8-11 method",
      "Broken#missingBrace 13-15 method",
      "Broken#swallowed 18-20 method",
      "Broken#badExpression 22-24 method",
      "Broken#after 26-28 method",
    ]);
    expect(methods.map((m) => m.hasError)).toEqual([false, true, true, false, true, false]);
    // The method after the unclosed one keeps its own Javadoc and an exact text.
    expect(methods[3]).toMatchObject({
      javadoc: "Documented after the broken one.",
      parameterTypes: ["int"],
    });
    expect(methods[3]!.text).toBe("public int swallowed(int y) {\n        return y + 1;\n    }");
    expect(methods[2]!.text.endsWith('System.out.println("open");')).toBe(true);
  });

  it("recovers from several unclosed methods in one class", async () => {
    const source = [
      "class A {",
      "  void a() { int x = 1;",
      "  void b() { return; }",
      "  void c() { if (x) {",
      "  void d() { return; }",
      "}",
    ].join("\n");
    const methods = await extract("A.java", source);
    expect(outline(methods)).toEqual([
      "A#a 2-2 method",
      "A#b 3-3 method",
      "A#c 4-4 method",
      "A#d 5-5 method",
    ]);
    expect(methods.map((m) => m.hasError)).toEqual([true, false, true, false]);
  });

  it("keeps the methods of an anonymous class inside a broken method", async () => {
    const source = [
      "class A {",
      "  void a() {",
      "    Runnable r = new Runnable() { public void run() { go(); } };",
      "    if (x) {",
      "  }",
      "  int b(int q) {",
      "    return q;",
      "  }",
      "}",
    ].join("\n");
    expect(outline(await extract("A.java", source))).toEqual([
      "A#a 2-5 method",
      "A.<anonymous>#run 3-3 method",
      "A#b 6-8 method",
    ]);
  });

  it("gives the same lines for CRLF line endings and a BOM", async () => {
    const lf = await extract("Tricky.java");
    const crlf = await extract("Tricky.java", `\uFEFF${readFixture("Tricky.java").replaceAll("\n", "\r\n")}`);
    expect(outline(crlf)).toEqual(outline(lf));
    expect(crlf.every((m) => !m.hasError)).toBe(true);
    expect(crlf.map((m) => m.hash)).toEqual(lf.map((m) => m.hash));
    expect(crlf[0]!.text).toBe(lf[0]!.text.replaceAll("\n", "\r\n"));
  });

  it("decodes invalid UTF-8 with replacement characters and keeps the lines", async () => {
    const bytes = Buffer.concat([
      Buffer.from("class A {\n  /** Caf"),
      Buffer.from([0xe9, 0xff]),
      Buffer.from(' */\n  String s() { return "\u00e9"; }\n}\n'),
    ]);
    const decoded = decodeSource(bytes);
    expect(decoded.binary).toBe(false);
    const [method] = await extract("A.java", decoded.text);
    expect(method).toMatchObject({
      name: "s",
      startLine: 3,
      endLine: 3,
      javadoc: "Caf\uFFFD\uFFFD",
      hasError: false,
    });
  });

  it("never throws on garbage", async () => {
    for (const source of [
      "",
      "}}}}",
      "class",
      "class A { void",
      "\u0000\u0001",
      "@interface X { int a() default ; }",
    ]) {
      await expect(extract("G.java", source)).resolves.toBeInstanceOf(Array);
    }
  });

  it("survives deeply nested expressions without a stack overflow", async () => {
    const sum = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(" + ");
    const [method] = await extract("Deep.java", `class D {\n  int f() {\n    return ${sum};\n  }\n}\n`);
    expect(method).toMatchObject({ name: "f", startLine: 2, endLine: 4, hasError: false });
  });
});
