import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/dataset/create-random.js";
import { isExampleMethod, methodExampleInput } from "../../../src/dataset/method-example-input.js";
import { mutateMethod } from "../../../src/dataset/mutate-method.js";
import { MUTATION_OPERATORS, type MutationOperator } from "../../../src/dataset/types.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { mutantProblem, mutate } from "./mutation-fixture.js";

/** Every mutant of `member` by `operator`, each checked to be a valid mutant. */
async function mutantsOf(member: string, operator: MutationOperator): Promise<string[]> {
  const m = await mutate(member);
  const mutants = m.by(operator);
  for (const mutant of mutants) expect(await mutantProblem(m.method, m.code, mutant)).toBeNull();
  return mutants;
}

describe("PIT's default operators", () => {
  it("conditionals-boundary moves each relational operator's boundary", async () => {
    expect(
      await mutantsOf("boolean f(int a, int b) { return a < b || a >= 2 * b; }", "conditionals-boundary"),
    ).toEqual([
      "boolean f(int a, int b) { return a <= b || a >= 2 * b; }",
      "boolean f(int a, int b) { return a < b || a > 2 * b; }",
    ]);
  });

  it("increments turns ++ into -- and back, prefix and postfix", async () => {
    expect(await mutantsOf("int f(int i) { i++; return --i; }", "increments")).toEqual([
      "int f(int i) { i--; return --i; }",
      "int f(int i) { i++; return ++i; }",
    ]);
  });

  it("invert-negatives drops a unary minus", async () => {
    expect(await mutantsOf("int f(int a) { return -a + 1; }", "invert-negatives")).toEqual([
      "int f(int a) { return a + 1; }",
    ]);
  });

  it("math swaps arithmetic and bitwise operators, compound assignments included", async () => {
    expect(await mutantsOf("int f(int a, int b) { a *= 2; return a % b + (a >> 1); }", "math")).toEqual([
      "int f(int a, int b) { a /= 2; return a % b + (a >> 1); }",
      "int f(int a, int b) { a *= 2; return a * b + (a >> 1); }",
      "int f(int a, int b) { a *= 2; return a % b - (a >> 1); }",
      "int f(int a, int b) { a *= 2; return a % b + (a << 1); }",
    ]);
  });

  it("math leaves string concatenation alone", async () => {
    expect(await mutantsOf('String f(String s, int n) { s += "!"; return s + n + "x"; }', "math")).toEqual(
      [],
    );
    expect(await mutantsOf('String f(int a, int n) { return "" + (a + n); }', "math")).toEqual([
      'String f(int a, int n) { return "" + (a - n); }',
    ]);
    // The first `+` of a chain that ends in text is text too: `'L' + name() + s` is `('L' + name()) + s`.
    expect(await mutantsOf("String f(String s) { return 'L' + name() + '/' + s; }", "math")).toEqual([]);
    expect(await mutantsOf('String f(boolean b, int n) { return (b ? "x" : "") + n; }', "math")).toEqual([]);
  });

  it("return-values replaces the value by a constant of the return type", async () => {
    const cases: Array<[string, string[]]> = [
      [
        "boolean f(int a) { return a > 0; }",
        ["boolean f(int a) { return true; }", "boolean f(int a) { return false; }"],
      ],
      ["boolean f() { return true; }", ["boolean f() { return false; }"]],
      ["int f(int a) { return a * 2; }", ["int f(int a) { return 0; }"]],
      ["int f() { return 0; }", ["int f() { return 1; }"]],
      ["long f(long a) { return a; }", ["long f(long a) { return 0L; }"]],
      ["Long f(long a) { return a; }", ["Long f(long a) { return 0L; }"]],
      ["double f(double a) { return a; }", ["double f(double a) { return 0.0; }"]],
      ["String f(String a) { return a.trim(); }", ['String f(String a) { return ""; }']],
      [
        "java.util.List<String> f(java.util.List<String> a) { return a; }",
        ["java.util.List<String> f(java.util.List<String> a) { return java.util.List.of(); }"],
      ],
      ["Optional<T> f(T a) { return Optional.of(a); }", ["Optional<T> f(T a) { return Optional.empty(); }"]],
      ["Object f(Object a) { return a; }", ["Object f(Object a) { return null; }"]],
      ["int[] f(int[] a) { return a; }", ["int[] f(int[] a) { return null; }"]],
    ];
    for (const [member, expected] of cases)
      expect(await mutantsOf(member, "return-values")).toEqual(expected);
  });

  it("return-values leaves the returns of lambdas and nested classes alone", async () => {
    const member =
      "int f(int a) { IntSupplier s = () -> { return a; }; Object o = new Object() { int g() { return 1; } }; return s.getAsInt(); }";
    expect(await mutantsOf(member, "return-values")).toEqual([
      "int f(int a) { IntSupplier s = () -> { return a; }; Object o = new Object() { int g() { return 1; } }; return 0; }",
    ]);
    expect(await mutantsOf("void f() { return; }", "return-values")).toEqual([]);
  });

  it("void-method-call removes a call statement, with its line when it is alone there", async () => {
    const member =
      'void f(List<String> list) {\n  list.clear();\n  if (list.isEmpty()) list.add("x");\n  int n = list.size(); log(n);\n}';
    expect(await mutantsOf(member, "void-method-call")).toEqual([
      'void f(List<String> list) {\n  if (list.isEmpty()) list.add("x");\n  int n = list.size(); log(n);\n}',
      'void f(List<String> list) {\n  list.clear();\n  if (list.isEmpty()) list.add("x");\n  int n = list.size(); \n}',
    ]);
  });
});

describe("negated conditionals", () => {
  it("negate-conditional turns each comparison into its opposite", async () => {
    expect(
      await mutantsOf("boolean f(Object o, int a) { return o == null && a <= 3; }", "negate-conditional"),
    ).toEqual([
      "boolean f(Object o, int a) { return o != null && a <= 3; }",
      "boolean f(Object o, int a) { return o == null && a > 3; }",
    ]);
  });
});

describe("BugLab's rewrites", () => {
  it("swap-arguments swaps two arguments of one surely-shared type", async () => {
    expect(
      await mutantsOf("double f(double a, double b) { return Math.pow(a, b); }", "swap-arguments"),
    ).toEqual(["double f(double a, double b) { return Math.pow(b, a); }"]);
    expect(await mutantsOf('void f(int a, String s) { g(a, s, 3, "x"); }', "swap-arguments")).toEqual([
      'void f(int a, String s) { g(3, s, a, "x"); }',
      'void f(int a, String s) { g(a, "x", 3, s); }',
    ]);
    // Symmetric calls would give equivalent mutants.
    expect(await mutantsOf("int f(int a, int b) { return Math.max(a, b); }", "swap-arguments")).toEqual([]);
  });

  it("replace-variable reads another local of the same declared type in scope", async () => {
    expect(
      await mutantsOf("int f(int a, int b, String s) { int c = a + 1; return c * b; }", "replace-variable"),
    ).toEqual([
      "int f(int a, int b, String s) { int c = b + 1; return c * b; }",
      "int f(int a, int b, String s) { int c = a + 1; return a * b; }",
      "int f(int a, int b, String s) { int c = a + 1; return b * b; }",
      "int f(int a, int b, String s) { int c = a + 1; return c * a; }",
      "int f(int a, int b, String s) { int c = a + 1; return c * c; }",
    ]);
  });

  it("replace-variable leaves writes, unassigned locals and non-final captures alone", async () => {
    // `b` may be read in a's place, never `a` in b's: b has no initializer, so it may be unassigned there.
    expect(await mutantsOf("int f(int a) { int b; b = a; return b; }", "replace-variable")).toEqual([
      "int f(int a) { int b; b = a; return a; }",
    ]);
    expect(
      await mutantsOf(
        "Runnable f(int a, int b) { b++; int c = 1; return () -> use(a); }",
        "replace-variable",
      ),
    ).toEqual([
      // Not b inside the lambda: it is reassigned, so Java would not let the lambda capture it.
      "Runnable f(int a, int b) { b++; int c = 1; return () -> use(c); }",
    ]);
    // Out of scope: a local of an earlier block.
    expect(await mutantsOf("int f(int a) { { int x = 2; } return a; }", "replace-variable")).toEqual([]);
  });

  it("change-literal moves an integer literal by -2..2, never below 0, never in a case label", async () => {
    expect(
      await mutantsOf(
        "int f(int k) { switch (k) { case 1: return 3; default: return 0; } }",
        "change-literal",
      ),
    ).toEqual([
      "int f(int k) { switch (k) { case 1: return 1; default: return 0; } }",
      "int f(int k) { switch (k) { case 1: return 2; default: return 0; } }",
      "int f(int k) { switch (k) { case 1: return 4; default: return 0; } }",
      "int f(int k) { switch (k) { case 1: return 5; default: return 0; } }",
      "int f(int k) { switch (k) { case 1: return 3; default: return 1; } }",
      "int f(int k) { switch (k) { case 1: return 3; default: return 2; } }",
    ]);
    expect(await mutantsOf("long f() { return 1_000L + 2147483647; }", "change-literal")).toEqual([
      "long f() { return 998L + 2147483647; }",
      "long f() { return 999L + 2147483647; }",
      "long f() { return 1001L + 2147483647; }",
      "long f() { return 1002L + 2147483647; }",
      "long f() { return 1_000L + 2147483645; }",
      "long f() { return 1_000L + 2147483646; }",
    ]);
  });

  it("change-boolean-operator swaps && and ||", async () => {
    expect(
      await mutantsOf("boolean f(boolean a, boolean b) { return a && !b; }", "change-boolean-operator"),
    ).toEqual(["boolean f(boolean a, boolean b) { return a || !b; }"]);
  });
});

const FIXTURE_DIRS = ["../../fixtures/java/", "../../fixtures/generations/", "../../fixtures/dataset/"].map(
  (d) => fileURLToPath(new URL(d, import.meta.url)),
);

describe("mutants of the real Java in test/fixtures", () => {
  it("every operator applies somewhere, and every kept mutant parses alone with the original's signature", async () => {
    const parser = await loadJavaParser();
    const seen = new Set<string>();
    let methods = 0;
    for (const dir of FIXTURE_DIRS) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".java"))) {
        const source = readFileSync(join(dir, name), "utf8");
        for (const method of parser.extractMethods(name, source).filter(isExampleMethod)) {
          const { code } = methodExampleInput(method);
          const result = mutateMethod({
            code,
            shape: method,
            parser,
            count: 50,
            random: createRandom(7, method.key),
          });
          expect(result.parsed).toBe(true);
          methods++;
          for (const mutant of result.mutants) {
            seen.add(mutant.operator);
            expect(await mutantProblem(method, code, mutant.code)).toBeNull();
          }
        }
      }
    }
    expect(methods).toBeGreaterThan(60);
    expect([...seen].sort()).toEqual([...MUTATION_OPERATORS].sort());
  });

  it("picks different operators first and the same ones for the same seed", async () => {
    const parser = await loadJavaParser();
    const member = "int f(int a, int b) { if (a < b && b > 0) a++; return a + b * 2; }";
    const method = parser.extractMethods("S.java", `class S {\n${member}\n}`)[0]!;
    const run = (seed: number) =>
      mutateMethod({ code: member, shape: method, parser, count: 4, random: createRandom(seed, method.key) });
    const first = run(1);
    expect(first.mutants).toHaveLength(4);
    expect(new Set(first.mutants.map((m) => m.operator)).size).toBe(4);
    expect(run(1)).toEqual(first);
    const others = [2, 3, 4, 5].map((seed) => JSON.stringify(run(seed).mutants));
    expect(others.some((o) => o !== JSON.stringify(first.mutants))).toBe(true);
  });
});
