import { beforeAll, describe, expect, it } from "vitest";
import { collectClassContext } from "../../../src/generator/collect-class-context.js";
import { type JavaParser, loadJavaParser } from "../../../src/java/load-java-parser.js";
import { loadRecordings } from "./recordings.js";

let parser: JavaParser;
beforeAll(async () => {
  parser = await loadJavaParser();
});

const source = `package p;

import java.util.Map;
import static java.util.Objects.requireNonNull;

public class Cache<K, V> {
  /** Entries; a ; in a comment */
  private final Map<K, V> map = new java.util.HashMap<>(); // trailing comment
  private static final String SEP = ";{";
  static { System.out.println("init;"); }
  private int hits, misses;

  public V get(K key) {
    int unused = 0;
    return map.get(requireNonNull(key));
  }

  static class Stats {
    long total;
    long total() { return total; }
  }

  Runnable task = new Runnable() {
    public void run() { hits++; }
  };

  public int size() { return map.size(); }
}
`;

describe("collectClassContext", () => {
  it("reads imports, the enclosing class's fields and its other methods' signatures", () => {
    const methods = parser.extractMethods("Cache.java", source);
    const get = methods.find((m) => m.name === "get")!;
    expect(collectClassContext({ source, method: get, methods })).toEqual({
      imports: ["import java.util.Map;", "import static java.util.Objects.requireNonNull;"],
      fields: [
        "private final Map<K, V> map = new java.util.HashMap<>();",
        'private static final String SEP = ";{";',
        "private int hits, misses;",
        "Runnable task = new Runnable() { };",
      ],
      siblingSignatures: ["public int size()"],
    });
  });

  it("reads the fields of a nested class for its own methods", () => {
    const methods = parser.extractMethods("Cache.java", source);
    const total = methods.find((m) => m.name === "total")!;
    expect(collectClassContext({ source, method: total, methods }).fields).toEqual(["long total;"]);
  });

  it("reads the fixture classes", async () => {
    const account = (await loadRecordings()).find((r) => r.method === "withdraw")!;
    const ctx = collectClassContext({
      source: account.source,
      method: account.original,
      methods: account.methods,
    });
    expect(ctx.fields).toEqual([
      "private final String id;",
      "private BigDecimal balance = BigDecimal.ZERO;",
      "private final List<String> history = new ArrayList<>();",
    ]);
    expect(ctx.siblingSignatures).toEqual(["public Account(String id)", "public BigDecimal balance()"]);
  });
});
