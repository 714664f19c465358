import type { SyntaxNode } from "../java/types.js";
import type { LocalVariables } from "./collect-local-variables.js";
import { NESTED_BODIES, textOf } from "./syntax-helpers.js";
import type { Mutation } from "./types.js";

/** Identifiers under these parents name something other than a variable (labels, packages, constants in `case`). */
const NOT_VARIABLES = new Set([
  "labeled_statement",
  "break_statement",
  "continue_statement",
  "inferred_parameters",
  "scoped_identifier",
  "switch_label",
  "method_reference",
]);
/** Fields of a parent that hold a declared or member name, never a variable's use. */
const NAME_FIELDS = new Set(["name", "field", "parameters"]);

/**
 * BugLab's variable misuse: a read of a local is replaced by another local of the same declared type that is
 * in scope and surely assigned there. Writes are left alone; inside a lambda or nested class only an
 * effectively final local may stand in for a captured one, as Java requires.
 */
export function replaceVariableMutations(
  node: SyntaxNode,
  ancestors: readonly SyntaxNode[],
  code: string,
  locals: LocalVariables,
): Mutation[] {
  const parent = ancestors.at(-1);
  if (node.type !== "identifier" || !parent || NOT_VARIABLES.has(parent.type)) return [];
  if (node.field && NAME_FIELDS.has(node.field)) return [];
  if (parent.type === "assignment_expression" && node.field === "left") return [];
  if (parent.type === "update_expression") return [];
  const name = textOf(node, code);
  const used = locals.resolve(name, node.start);
  if (!used?.type) return [];
  const nested = [...ancestors].reverse().find((a) => NESTED_BODIES.has(a.type));
  const out: Mutation[] = [];
  for (const other of locals.variables) {
    if (other === used || other.name === name || other.type !== used.type || !other.initialized) continue;
    if (locals.resolve(other.name, node.start) !== other) continue;
    const captured = nested !== undefined && other.declaredAt < nested.start;
    if (captured && locals.reassigned.has(other)) continue;
    out.push({ operator: "replace-variable", start: node.start, end: node.end, replacement: other.name });
  }
  return out;
}
