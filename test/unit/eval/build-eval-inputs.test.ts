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
});
