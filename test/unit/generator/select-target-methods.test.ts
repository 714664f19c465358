import { describe, expect, it } from "vitest";
import { selectTargetMethods } from "../../../src/generator/select-target-methods.js";
import type { ChangedMethod } from "../../../src/java/types.js";

const m = (over: Partial<ChangedMethod>): ChangedMethod =>
  ({
    path: "src/p/A.java",
    name: "f",
    className: "p.A",
    key: "k",
    startLine: 1,
    endLine: 1,
    ...over,
  }) as ChangedMethod;
const methods = [
  m({ name: "run", className: "A", key: "A#run", startLine: 3, endLine: 20 }),
  m({ name: "run", className: "A.<anonymous>", key: "A.anon#run", startLine: 8, endLine: 12 }),
  m({ name: "size", className: "A.Inner", key: "A.Inner#size", startLine: 22, endLine: 24 }),
  m({ path: "src/p/B.java", name: "size", className: "B", key: "B#size", startLine: 5, endLine: 9 }),
];

describe("selectTargetMethods", () => {
  it("finds by name, dotted suffix, key and line", () => {
    expect(selectTargetMethods(methods, { kind: "name", name: "size" }).map((x) => x.key)).toEqual([
      "A.Inner#size",
      "B#size",
    ]);
    expect(selectTargetMethods(methods, { kind: "name", name: "Inner.size" }).map((x) => x.key)).toEqual([
      "A.Inner#size",
    ]);
    expect(selectTargetMethods(methods, { kind: "key", key: "B#size" }).map((x) => x.key)).toEqual([
      "B#size",
    ]);
    expect(
      selectTargetMethods(methods, { kind: "line", path: "A.java", line: 10 }).map((x) => x.key),
    ).toEqual(["A.anon#run"]);
    expect(
      selectTargetMethods(methods, { kind: "line", path: "src/p/B.java", line: 9 }).map((x) => x.key),
    ).toEqual(["B#size"]);
    expect(selectTargetMethods(methods, { kind: "line", path: "B.java", line: 10 })).toEqual([]);
    expect(selectTargetMethods(methods, { kind: "line", path: "p/A.javax", line: 10 })).toEqual([]);
    expect(selectTargetMethods(methods, { kind: "flagged" })).toHaveLength(4);
  });
});
