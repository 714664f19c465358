import type { SyntaxNode } from "../java/types.js";
import { textOf } from "./syntax-helpers.js";
import type { Mutation } from "./types.js";

const INT_MAX = 2n ** 31n - 1n;
const LONG_MAX = 2n ** 63n - 1n;
/** Literals here must stay as they are: two equal `case` labels or a changed annotation value do not compile or mean nothing. */
const FIXED_CONTEXTS = new Set([
  "switch_label",
  "annotation",
  "element_value_pair",
  "annotation_argument_list",
]);

/**
 * BugLab's literal rewrite: a decimal integer literal changes by -2..2 (never by 0), staying non-negative
 * (a minus in front is a separate operator) and within its type's range.
 */
export function literalMutations(
  node: SyntaxNode,
  ancestors: readonly SyntaxNode[],
  code: string,
): Mutation[] {
  if (node.type !== "decimal_integer_literal" || ancestors.some((a) => FIXED_CONTEXTS.has(a.type))) return [];
  const text = textOf(node, code);
  const suffix = /[lL]$/.exec(text)?.[0] ?? "";
  const digits = text.slice(0, text.length - suffix.length).replace(/_/g, "");
  if (!/^\d+$/.test(digits)) return [];
  const value = BigInt(digits);
  const max = suffix ? LONG_MAX : INT_MAX;
  if (value > max) return [];
  const out: Mutation[] = [];
  for (const delta of [-2n, -1n, 1n, 2n]) {
    const changed = value + delta;
    if (changed < 0n || changed > max) continue;
    out.push({
      operator: "change-literal",
      start: node.start,
      end: node.end,
      replacement: `${changed}${suffix}`,
    });
  }
  return out;
}
