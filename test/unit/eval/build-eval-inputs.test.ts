import { describe, expect, it } from "vitest";
import { buildEvalInputs } from "../../../src/eval/build-eval-inputs.js";
import { parseDataset } from "../../../src/eval/parse-dataset.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";

const jsonl = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join("\n");

describe("buildEvalInputs", () => {
  it("reads a constructor written as its own text, as `java-judge dataset` writes them", async () => {
    const text = jsonl([
      { id: "c", task: null, code: "@Inject\npublic Account(String id) {\n    this.id = id;\n}", label: 1 },
    ]);
    const enumConstructor = {
      id: "e",
      code: "Color(String hex) {\n    this.hex = hex;\n}",
      label: 1,
      key: "C.java:Color#Color(String)",
    };
    const [input, inEnum] = buildEvalInputs(
      parseDataset({ text: `${text}\n${JSON.stringify(enumConstructor)}`, source: "d" }),
      await loadJavaParser(),
      "d",
    );
    expect(input).toMatchObject({
      name: "Account",
      signature: "@Inject public Account(String id)",
      code: "@Inject\npublic Account(String id) {\n    this.id = id;\n}",
      description: null,
    });
    expect(inEnum).toMatchObject({ name: "Color", signature: "Color(String hex)", className: "Color" });
  });

  it("names the key's class chain, as the review does for a method without Javadoc", async () => {
    const text = jsonl([
      {
        id: "k",
        task: null,
        code: "int size() {\n    return n;\n}",
        label: 1,
        key: "src/A.java:Outer.Inner#size()",
      },
      { id: "n", task: "Counts.", code: "int count() {\n    return n;\n}", label: 0 },
    ]);
    const [keyed, plain] = buildEvalInputs(parseDataset({ text, source: "d" }), await loadJavaParser(), "d");
    expect(keyed).toMatchObject({ name: "size", className: "Outer.Inner", description: null });
    expect(plain).toMatchObject({ name: "count", className: "", description: "Counts." });
  });

  it("still refuses code that is no method", async () => {
    const text = jsonl([{ id: "x", code: "this is not java {", label: 1 }]);
    const parser = await loadJavaParser();
    expect(() => buildEvalInputs(parseDataset({ text, source: "d" }), parser, "d")).toThrow(
      /d line 1: "code" of "x" does not parse as one Java method/,
    );
  });

  // A team's own labels (or another tool's export) have constructors among them, often without a `key`.
  const constructors = [
    {
      what: "annotated, a comment only in its body",
      code: "@Deprecated\npublic BooleanUtils() {\n    // nothing to set up\n}",
      input: { name: "BooleanUtils", signature: "@Deprecated public BooleanUtils()", description: null },
      key: "src/BooleanUtils.java:BooleanUtils#BooleanUtils()",
    },
    {
      what: "plain, empty",
      code: "public BooleanUtils() {\n}",
      input: { name: "BooleanUtils", signature: "public BooleanUtils()", description: null },
      key: "src/BooleanUtils.java:BooleanUtils#BooleanUtils()",
    },
    {
      what: "generic, with a Javadoc",
      code: "/** Wraps {@code value}. */\npublic <T> Box(T value) {\n    this.value = value;\n}",
      input: { name: "Box", signature: "public <T> Box(T value)", description: "Wraps {@code value}." },
      key: "src/Box.java:Box#Box(T)",
    },
    {
      what: "an enum's",
      code: "Color(String hex) {\n    this.hex = hex;\n}",
      input: { name: "Color", signature: "Color(String hex)", description: null },
      key: "src/Palette.java:Palette.Color#Color(String)",
    },
    {
      what: "a record's compact one",
      code: 'public Point {\n    if (x < 0) throw new IllegalArgumentException("x < 0");\n}',
      input: { name: "Point", signature: "public Point", description: null },
      key: "src/Shapes.java:Shapes.Point#Point()",
    },
  ];

  it.each(constructors)("reads a constructor without a key: $what", async ({ code, input }) => {
    const text = jsonl([{ id: "c", code, label: 1 }]);
    const [read] = buildEvalInputs(parseDataset({ text, source: "d" }), await loadJavaParser(), "d");
    // The name before the parameter list is its class's name.
    expect(read).toMatchObject({ ...input, className: input.name });
    expect(read?.code).toBe(code.replace(/^\/\*\*.*\*\/\n/, ""));
  });

  it.each(constructors)("reads a constructor with a key: $what", async ({ code, input, key }) => {
    const text = jsonl([{ id: "c", task: "Makes one.", code, label: 0, key }]);
    const [read] = buildEvalInputs(parseDataset({ text, source: "d" }), await loadJavaParser(), "d");
    const className = key.slice(key.indexOf(":") + 1, key.indexOf("#"));
    expect(read).toMatchObject({ ...input, className, description: "Makes one." });
  });

  it.each([
    ["a field", "private int count;", "found a field declaration"],
    ["a whole class", "class Counter {\n    int count() { return 0; }\n}", "found class Counter"],
    [
      "two methods",
      "int a() { return 1; }\nint b() { return 2; }",
      "found 2 declarations (method a, method b)",
    ],
    ["a syntax error", "int a() {\n    return 1 +;\n}", "found a syntax error on line 2"],
    ["only a comment", "/** Adds. */", "found no declaration, only comments"],
  ])("refuses code that is not one method (%s), naming what it found", async (_what, code, found) => {
    const text = jsonl([{ id: "x", code, label: 1 }]);
    const parser = await loadJavaParser();
    expect(() => buildEvalInputs(parseDataset({ text, source: "d" }), parser, "d")).toThrow(
      `d line 1: "code" of "x" does not parse as one Java method: ${found}`,
    );
  });
});
