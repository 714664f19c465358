import { describe, expect, it } from "vitest";
import { extract, outline } from "./fixtures.js";

// Error recovery can leave declarations with a MISSING name; none of them may become a blank row in a report.
describe("extractMethods on what tree-sitter's error recovery reads as declarations", () => {
  it("drops statements read as members (`r.run();`, `switch (k) {`) and keeps the members around them", async () => {
    const source = [
      "class Local {",
      "    Local(int k) {",
      "    }",
      "    r.run();",
      "    switch (k) {",
      "        default:",
      "            r.run();",
      "    }",
      "",
      "    public Local() {",
      "        this(1);",
      "    }",
      "",
      "    void after() {}",
      "}",
    ].join("\n");
    const methods = await extract("Local.java", source);
    expect(outline(methods)).toEqual([
      "Local#Local 2-3 constructor",
      "Local#Local 10-12 constructor",
      "Local#after 14-14 method",
    ]);
    expect(methods.map((m) => m.hasError)).toEqual([false, false, false]);
  });

  it("names a constructor read as a nameless method when the code before its class is broken", async () => {
    const source = [
      "import java.util.*;",
      "    public final int add(K key, V... values) {",
      "",
      "public class Pool {",
      "    public Pool() {",
      "        this(16);",
      "    }",
      "",
      "    void start(Runnable r) {",
      "        r.run();",
      "    }",
      "}",
    ].join("\n");
    const methods = await extract("Pool.java", source);
    expect(outline(methods)).toEqual(["#add 2-4 method", "#Pool 5-7 constructor", "#start 9-11 method"]);
    expect(methods[1]).toMatchObject({
      name: "Pool",
      kind: "constructor",
      signature: "public Pool()",
      returnType: null,
      parameterTypes: [],
      key: "Pool.java:#Pool()",
      // The span holds tree-sitter's MISSING name: the method stays marked as read from broken code.
      hasError: true,
    });
  });

  it("returns no method for a declaration whose name was deleted", async () => {
    const source = [
      "class A {",
      "    public int (int a) {",
      "        return a;",
      "    }",
      "    void b() {}",
      "}",
    ];
    const methods = await extract("A.java", source.join("\n"));
    expect(methods.every((m) => m.name !== "")).toBe(true);
    expect(outline(methods).at(-1)).toBe("A#b 5-5 method");
  });
});
