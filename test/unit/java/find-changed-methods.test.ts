import { describe, expect, it } from "vitest";
import { findChangedMethods } from "../../../src/java/find-changed-methods.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";

async function changes(base: string | null, head: string, headPath = "A.java") {
  const parser = await loadJavaParser();
  const baseMethods = base === null ? null : parser.extractMethods("Old.java", base);
  return findChangedMethods(baseMethods, parser.extractMethods(headPath, head)).map(
    (m) => `${m.change} ${m.className}#${m.name}(${m.parameterTypes.join(",")}) ${m.startLine}`,
  );
}

const BASE = `class A {
  /** Adds. */
  int add(int a, int b) { return a + b; }

  int sub(int a, int b) { return a - b; }

  int sub(long a, long b) { return (int) (a - b); }
}
`;

describe("findChangedMethods", () => {
  it("lists every method of a new file as added", async () => {
    expect(await changes(null, BASE)).toEqual([
      "added A#add(int,int) 3",
      "added A#sub(int,int) 5",
      "added A#sub(long,long) 7",
    ]);
  });

  it("finds nothing when nothing changed", async () => {
    expect(await changes(BASE, BASE)).toEqual([]);
  });

  it("ignores Javadoc-only edits, re-indentation and line-ending changes", async () => {
    const head = BASE.replace("/** Adds. */", "/**\n   * Adds two ints.\n   */")
      .replace("return a - b;", "return  a -  b;")
      .replaceAll("\n", "\r\n");
    expect(await changes(BASE, head)).toEqual([]);
  });

  it("ignores a method moved within the file", async () => {
    const head = `class A {
  int sub(long a, long b) { return (int) (a - b); }

  int sub(int a, int b) { return a - b; }
  /** Adds. */
  int add(int a, int b) { return a + b; }
}
`;
    expect(await changes(BASE, head)).toEqual([]);
  });

  it("tells modified from added and leaves deleted methods out", async () => {
    const head = `class A {
  /** Adds. */
  int add(int a, int b) { return a + b + 0; }

  int sub(int a, int b, int c) { return a - b - c; }

  @Override public String toString() { return "A"; }
}
`;
    expect(await changes(BASE, head)).toEqual([
      "modified A#add(int,int) 3",
      "added A#sub(int,int,int) 5",
      "added A#toString() 7",
    ]);
  });

  it("counts an added annotation or modifier as a change", async () => {
    expect(await changes(BASE, BASE.replace("  int add", "  @Deprecated int add"))).toEqual([
      "modified A#add(int,int) 3",
    ]);
  });

  it("pairs methods of enum constant bodies in file order", async () => {
    const base = `enum Op {
  PLUS { int apply(int a, int b) { return a + b; } },
  MINUS { int apply(int a, int b) { return a - b; } };
  abstract int apply(int a, int b);
}
`;
    const head = base.replace("return a - b;", "return b - a;");
    expect(await changes(base, head)).toEqual(["modified Op.<anonymous>#apply(int,int) 3"]);
    const added = base.replace("MINUS {", "TIMES { int apply(int a, int b) { return a * b; } },\n  MINUS {");
    // A new constant before MINUS: MINUS's body is only moved, TIMES's is the one added.
    expect(await changes(base, added)).toEqual(["added Op.<anonymous>#apply(int,int) 3"]);
  });

  it("pairs on class chain, name and parameters, not on the path", async () => {
    const result = await changes(BASE, BASE, "renamed/B.java");
    expect(result).toEqual([]);
    const parser = await loadJavaParser();
    const [changed] = findChangedMethods(
      parser.extractMethods("Old.java", BASE),
      parser.extractMethods("New.java", BASE.replace("a + b", "b + a")),
    );
    expect(changed).toMatchObject({ path: "New.java", key: "New.java:A#add(int,int)", change: "modified" });
  });

  it("treats a parameter type change as a new method", async () => {
    expect(await changes(BASE, BASE.replace("int add(int a, int b)", "int add(int a, long b)"))).toEqual([
      "added A#add(int,long) 3",
    ]);
  });

  it("reports a method moved into another class as added", async () => {
    const head = BASE.replace(
      "  int sub(long a, long b) { return (int) (a - b); }\n",
      "  static class B {\n    int sub(long a, long b) { return (int) (a - b); }\n  }\n",
    );
    expect(await changes(BASE, head)).toEqual(["added A.B#sub(long,long) 8"]);
  });

  it("pairs moved anonymous classes by their text before pairing the rest in file order", async () => {
    const diff = (left: string, right: string) =>
      `    new Diff<Boolean>("x") {
      public Boolean getLeft() { return ${left}; }
      public Boolean getRight() { return ${right}; }
    },
`;
    const file = (...bodies: string[]) => `class Builder {
  List<Diff<?>> diffs() {
    return List.of(
${bodies.join("")}    );
  }
}
`;
    const base = file(diff("a", "b"), diff("c", "d"), diff("e", "f"));
    // One added at the top, the last two swapped, and the middle one's getRight edited.
    const head = file(diff("x", "y"), diff("a", "b"), diff("e", "f"), diff("c", "D"));
    // The moved ones are unchanged; of the rest, getRight "y" pairs with the left-over base "d" (file order).
    expect(await changes(base, head)).toEqual([
      "modified Builder#diffs() 2",
      "added Builder.<anonymous>#getLeft() 5",
      "modified Builder.<anonymous>#getRight() 6",
      "added Builder.<anonymous>#getRight() 18",
    ]);
    // Reordered only, or one removed at the top: only the method holding them changed.
    const holder = ["modified Builder#diffs() 2"];
    expect(await changes(base, file(diff("e", "f"), diff("a", "b"), diff("c", "d")))).toEqual(holder);
    expect(await changes(base, file(diff("c", "d"), diff("e", "f")))).toEqual(holder);
  });

  it("pairs local classes of one name and overloads by text first", async () => {
    const base = `class L {
  void a() { class H { int v() { return 1; } } }
  void b() { class H { int v() { return 2; } } }
  int f(int x) { return x; }
  int f(long x) { return (int) x; }
}
`;
    const head = `class L {
  void c() { class H { int v() { return 3; } } }
  void b() { class H { int v() { return 2; } } }
  void a() { class H { int v() { return 1; } } }
  int f(long x) { return (int) x; }
  int f(int x) { return x; }
}
`;
    expect(await changes(base, head)).toEqual(["added L#c() 2", "added L.<local:H>#v() 2"]);
  });

  it("treats two identical anonymous bodies as two, pairing each base copy once", async () => {
    const base = `class T {
  Runnable r = new Runnable() { public void run() { go(); } };
}
`;
    const head = `class T {
  Runnable r = new Runnable() { public void run() { go(); } };
  Runnable s = new Runnable() { public void run() { go(); } };
}
`;
    expect(await changes(base, head)).toEqual(["added T.<anonymous>#run() 3"]);
  });
});
