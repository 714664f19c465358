import type { SyntaxNode } from "../java/types.js";
import { codeChildren, NESTED_BODIES, textOf } from "./syntax-helpers.js";
import type { Mutation } from "./types.js";

/** The value a primitive or boxed return becomes (PIT's PRIMITIVE_RETURNS/EMPTY_RETURNS), and the one if it already is. */
const ZEROS: Record<string, [string, string]> = {
  int: ["0", "1"],
  short: ["0", "1"],
  byte: ["0", "1"],
  char: ["0", "1"],
  long: ["0L", "1L"],
  float: ["0.0f", "1.0f"],
  double: ["0.0", "1.0"],
  Integer: ["0", "1"],
  Long: ["0L", "1L"],
  Short: ["(short) 0", "(short) 1"],
  Byte: ["(byte) 0", "(byte) 1"],
  Character: ["'\\0'", "'a'"],
  Float: ["0.0f", "1.0f"],
  Double: ["0.0", "1.0"],
};
/** PIT's EMPTY_RETURNS for collections, written with the type the method already names (so it is imported). */
const EMPTIES: Record<string, string> = {
  List: ".of()",
  Set: ".of()",
  Map: ".of()",
  Optional: ".empty()",
  OptionalInt: ".empty()",
  OptionalLong: ".empty()",
  OptionalDouble: ".empty()",
  Stream: ".empty()",
  IntStream: ".empty()",
  LongStream: ".empty()",
  DoubleStream: ".empty()",
};

/**
 * PIT's return-value mutators (TRUE_RETURNS, FALSE_RETURNS, PRIMITIVE_RETURNS, EMPTY_RETURNS, NULL_RETURNS):
 * the value of a `return` of the method itself (not of a lambda or a nested class in it) is replaced by a
 * constant of the declared return type.
 */
export function returnValueMutations(
  node: SyntaxNode,
  ancestors: readonly SyntaxNode[],
  code: string,
  returnType: string | null,
): Mutation[] {
  if (node.type !== "return_statement" || returnType === null || returnType === "void") return [];
  if (ancestors.some((a) => NESTED_BODIES.has(a.type))) return [];
  const value = codeChildren(node)[0];
  if (!value) return [];
  const current = textOf(value, code).replace(/\s+/g, "");
  const replacements = constantsFor(returnType).filter((r) => r.replace(/\s+/g, "") !== current);
  // Both TRUE_RETURNS and FALSE_RETURNS apply to a computed boolean; elsewhere the first constant that differs.
  const boolean = returnType === "boolean" || returnType === "Boolean";
  return (boolean ? replacements : replacements.slice(0, 1)).map((replacement) => ({
    operator: "return-values",
    start: value.start,
    end: value.end,
    replacement,
  }));
}

/** Candidate constants, preferred first. */
function constantsFor(returnType: string): string[] {
  if (returnType === "boolean" || returnType === "Boolean") return ["true", "false"];
  const zero = ZEROS[returnType];
  if (zero) return zero;
  if (returnType.endsWith("]")) return ["null"];
  const raw = returnType.replace(/<.*$/s, "").trim();
  const simple = raw.split(".").at(-1) ?? raw;
  if (simple === "String") return ['""', "null"];
  const empty = EMPTIES[simple];
  if (empty) return [`${raw}${empty}`, "null"];
  return ["null"];
}
