import { describe, expect, it } from "vitest";
import { methodHash } from "../../../src/java/method-key.js";
import { extract } from "./fixtures.js";

describe("extractMethods: what each method carries", () => {
  it("fills every field of an ordinary method", async () => {
    const add = (await extract("Basics.java")).find((m) => m.name === "add")!;
    expect(add).toEqual({
      path: "Basics.java",
      name: "add",
      kind: "method",
      className: "Basics",
      signature:
        '@Deprecated(since = "2.0", forRemoval = false) public synchronized int add(final K key, V value)',
      startLine: 41,
      endLine: 45,
      javadoc: "Adds one item.\n@param key where\n@param value what\n@return the new count",
      hasError: false,
      text: [
        '@Deprecated(since = "2.0", forRemoval = false)',
        "    public synchronized int add(final K key, V value) {",
        "        items.computeIfAbsent(key, k -> new ArrayList<>()).add(value);",
        "        return ++count;",
        "    }",
      ].join("\n"),
      indent: "    ",
      parameterTypes: ["K", "V"],
      returnType: "int",
      typeParameters: null,
      throws: [],
      key: "Basics.java:Basics#add(K,V)",
      hash: methodHash(add.text),
    });
  });

  it("reads varargs, generics, C-style arrays, throws and the receiver parameter", async () => {
    const methods = await extract("Basics.java");
    const byName = new Map(methods.map((m) => [`${m.name}/${m.parameterTypes.join(",")}`, m]));
    expect(byName.get("add/K,V...")?.signature).toBe("@SafeVarargs public final int add(K key, V... values)");
    expect(byName.get("max/Collection<?extendsT>")).toMatchObject({
      typeParameters: "<T extends Comparable<? super T>>",
      returnType: "T",
      parameterTypes: ["Collection<?extendsT>"],
      throws: ["NoSuchElementException"],
      startLine: 53,
      endLine: 62,
    });
    expect(byName.get("grid/int,int")).toMatchObject({ returnType: "int[][][]", javadoc: null });
    expect(byName.get("legacy/String[],int...")).toMatchObject({
      parameterTypes: ["String[]", "int..."],
      throws: ["IOException", "UncheckedIOException"],
    });
    expect(byName.get("receiver/int")?.signature).toBe("void receiver(Basics<K, V> this, int x)");
    expect(byName.get("address/")).toMatchObject({
      signature: "native long address()",
      text: "native long address();",
    });
    expect(byName.get("spread/int,int")).toMatchObject({
      signature: "static int spread( int a, int b )",
      startLine: 95,
      endLine: 103,
    });
    expect(byName.get("mapAll/Function<?superV,?extendsR>")?.javadoc).toBeNull();
  });

  it("keeps two methods on one line apart", async () => {
    const methods = await extract("Basics.java");
    const size = methods.find((m) => m.name === "size")!;
    const isEmpty = methods.find((m) => m.name === "isEmpty")!;
    expect([size.startLine, isEmpty.startLine]).toEqual([89, 89]);
    expect(size.text).toBe("public int size() { return count; }");
    expect(isEmpty.text).toBe("public boolean isEmpty() { return count == 0; }");
    expect(isEmpty.indent).toBe("    ");
  });

  it("describes constructors, with and without Javadoc", async () => {
    const ctors = (await extract("Basics.java")).filter((m) => m.kind === "constructor");
    expect(ctors.map((c) => [c.signature, c.startLine, c.endLine, c.returnType])).toEqual([
      ["public Basics()", 18, 20, null],
      ["public Basics(int capacity)", 28, 32, null],
    ]);
    expect(ctors[1]!.javadoc).toBe(
      [
        "Creates an inventory sized for {@code capacity} items.",
        "",
        "@param capacity expected number of items",
        "@throws IllegalArgumentException when capacity is negative",
      ].join("\n"),
    );
  });

  it("reads Java 23 Markdown doc comments, and only an unbroken run of them", async () => {
    const source =
      "class M {\n  /// First line.\n  /// Second.\n  // a plain comment\n  void a() {}\n\n  /// Lost.\n\n  /// Kept.\n  void b() {}\n}\n";
    const [a, b] = await extract("M.java", source);
    expect(a?.javadoc).toBe("First line.\nSecond.");
    expect(b?.javadoc).toBe("Kept.");
  });
});
