import type { SyntaxNode } from "../java/types.js";
import type { LocalVariables } from "./collect-local-variables.js";
import { guessExpressionType } from "./guess-expression-type.js";
import { childByField, codeChildren, textOf } from "./syntax-helpers.js";
import type { Mutation } from "./types.js";

/** Statement lists: removing one statement from them leaves valid code. */
const STATEMENT_LISTS = new Set(["block", "constructor_body", "switch_block_statement_group"]);
/** Calls whose arguments commute: swapping them gives an equivalent mutant. */
const SYMMETRIC = new Set(["max", "min", "equals", "hash", "gcd", "addExact", "multiplyExact"]);

/**
 * PIT's VOID_METHOD_CALLS: a call statement is removed. tree-sitter has no types, so any call whose result
 * is not used counts; removing one is the same fault either way (a step that no longer happens).
 */
export function removeCallMutations(
  node: SyntaxNode,
  parent: SyntaxNode | undefined,
  code: string,
): Mutation[] {
  if (node.type !== "expression_statement" || !parent || !STATEMENT_LISTS.has(parent.type)) return [];
  if (codeChildren(node)[0]?.type !== "method_invocation") return [];
  const lineStart = code.lastIndexOf("\n", node.start - 1) + 1;
  const newline = code.indexOf("\n", node.end);
  const lineEnd = newline === -1 ? code.length : newline + 1;
  // A statement alone on its line takes the line with it; one sharing its line leaves the rest.
  const alone =
    code.slice(lineStart, node.start).trim() === "" && code.slice(node.end, lineEnd).trim() === "";
  return [
    alone
      ? { operator: "void-method-call", start: lineStart, end: lineEnd, replacement: "" }
      : { operator: "void-method-call", start: node.start, end: node.end, replacement: "" },
  ];
}

/**
 * BugLab's argument swap: two arguments of one call or `new` whose types are surely the same (literals of one
 * kind, locals of one declared type) change places.
 */
export function swapArgumentMutations(
  node: SyntaxNode,
  parent: SyntaxNode | undefined,
  code: string,
  locals: LocalVariables,
): Mutation[] {
  if (node.type !== "argument_list" || !parent) return [];
  const name = parent.type === "method_invocation" ? childByField(parent, "name") : undefined;
  if (name && SYMMETRIC.has(textOf(name, code))) return [];
  const args = codeChildren(node);
  const types = args.map((a) => guessExpressionType(a, code, locals));
  const out: Mutation[] = [];
  for (let i = 0; i < args.length; i++) {
    for (let j = i + 1; j < args.length; j++) {
      const [a, b] = [args[i], args[j]];
      if (!a || !b || types[i] === null || types[i] !== types[j]) continue;
      const [ta, tb] = [textOf(a, code), textOf(b, code)];
      if (ta === tb) continue;
      out.push({
        operator: "swap-arguments",
        start: a.start,
        end: b.end,
        replacement: tb + code.slice(a.end, b.start) + ta,
      });
    }
  }
  return out;
}
