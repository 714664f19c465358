import { beforeAll, describe, expect, it } from "vitest";
import { extractCandidate } from "../../../src/generator/extract-candidate.js";
import { filterCandidates } from "../../../src/generator/filter-candidates.js";
import { type JavaParser, loadJavaParser } from "../../../src/java/load-java-parser.js";
import type { ExtractedMethod } from "../../../src/java/types.js";
import { loadRecordings, type Recording } from "./recordings.js";

let parser: JavaParser;
let recordings: Recording[];

beforeAll(async () => {
  parser = await loadJavaParser();
  recordings = await loadRecordings();
});

function methodOf(source: string, name: string): ExtractedMethod {
  const m = parser.extractMethods("A.java", source).find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
}

function verdicts(original: ExtractedMethod, texts: string[]): string[] {
  const result = filterCandidates({ original, texts, extractMethods: parser.extractMethods });
  return texts.map((_, i) =>
    result.kept.some((c) => c.index === i)
      ? "kept"
      : (result.rejected.find((r) => r.index === i)?.reason ?? "?"),
  );
}

describe("filterCandidates on the recorded generations", () => {
  it("gives every recorded output its expected verdict", () => {
    for (const r of recordings) {
      const texts = r.outputs.map((o) => extractCandidate(o.raw));
      const got = verdicts(r.original, texts);
      expect(
        got.map((v, i) => `${r.method}#${i} ${v}`),
        r.outputs.map((o) => o.note).join("; "),
      ).toEqual(r.outputs.map((o, i) => `${r.method}#${i} ${o.expect}`));
    }
  });

  it("merges duplicates into the first one and remembers every source", () => {
    const r = recordings.find((x) => x.method === "isPalindrome")!;
    const result = filterCandidates({
      original: r.original,
      texts: r.outputs.map((o) => extractCandidate(o.raw)),
      extractMethods: parser.extractMethods,
    });
    expect(result.kept.map((c) => c.index)).toEqual([0, 2, 6]);
    expect(result.kept[0]?.sources).toEqual([0, 1]);
    expect(result.rejected.find((x) => x.index === 1)?.detail).toBe("same as candidate 0");
  });

  it("keeps the annotation and drops the Javadoc of a candidate", () => {
    const r = recordings.find((x) => x.method === "withdraw")!;
    const result = filterCandidates({
      original: r.original,
      texts: r.outputs.map((o) => extractCandidate(o.raw)),
      extractMethods: parser.extractMethods,
    });
    const annotated = result.kept.find((c) => c.index === 2);
    expect(annotated?.code.startsWith("@Override\npublic void withdraw(final BigDecimal amount)")).toBe(true);
    expect(annotated?.code).not.toContain("Withdraws money");
  });

  it("says what differs in a rejected signature", () => {
    const r = recordings.find((x) => x.method === "withdraw")!;
    const result = filterCandidates({
      original: r.original,
      texts: [extractCandidate(r.outputs[1]!.raw)],
      extractMethods: parser.extractMethods,
    });
    expect(result.rejected).toEqual([
      { index: 0, reason: "different-signature", detail: 'throws "", expected "InsufficientFundsException"' },
    ]);
  });
});

describe("filterCandidates on edge cases", () => {
  const source = `class Box<T> {
  Box(int size) throws IllegalStateException, java.io.IOException { this.size = size; }
  int size;
  int twice(int x) { return x; }
}`;

  it("accepts a constructor of the same class and throws in any order", () => {
    const original = methodOf(source, "Box");
    expect(
      verdicts(original, [
        "Box(int n) throws java.io.IOException, IllegalStateException {\n  if (n < 0) throw new IllegalStateException();\n  this.size = n;\n}",
        "void Box(int n) throws java.io.IOException, IllegalStateException { }",
      ]),
    ).toEqual(["kept", "different-signature"]);
  });

  it("rejects code outside the method, a second method, an empty output and a method that does not parse", () => {
    const original = methodOf(source, "twice");
    expect(
      verdicts(original, [
        "int twice(int x) { return 2 * x; }\nint extra;",
        "int total;\nint twice(int x) { return 2 * x; }",
        "int twice(int x) { return 2 * x; }\nint thrice(int x) { return 3 * x; }",
        "   ",
        "int twice(int x) { return 2 * * x; }",
        "int twice(int x) { return 2 * x; } }{",
        "// doubles\nint twice(int x) { return 2 * x; } // done",
      ]),
    ).toEqual([
      "not-one-method",
      "not-one-method",
      "not-one-method",
      "empty",
      "syntax-error",
      "syntax-error",
      "kept",
    ]);
  });

  it("treats a layout-only change of the original as the original", () => {
    const original = methodOf(source, "twice");
    expect(verdicts(original, ["int twice( int x )\n{\n    return x;\n}"])).toEqual(["same-as-original"]);
  });

  it("keeps string contents apart when merging duplicates", () => {
    const original = methodOf(source, "twice");
    expect(
      verdicts(original, [
        'int twice(int x) { System.out.println("a b"); return 2 * x; }',
        'int twice(int x) { System.out.println("ab"); return 2 * x; }',
        'int twice(int x) {\n  System.out.println("a b");\n  return 2*x;\n}',
      ]),
    ).toEqual(["kept", "kept", "duplicate"]);
  });
});
