import type { SyntaxNode } from "../java/types.js";
import type { LocalVariables } from "./collect-local-variables.js";
import { mayBeText } from "./guess-expression-type.js";
import { childByField, textOf } from "./syntax-helpers.js";
import type { Mutation, MutationOperator } from "./types.js";

// PIT's CONDITIONALS_BOUNDARY.
const BOUNDARY: Record<string, string> = { "<": "<=", "<=": "<", ">": ">=", ">=": ">" };
// PIT's NEGATE_CONDITIONALS.
const NEGATE: Record<string, string> = { "==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<" };
// PIT's MATH, binary operators.
const MATH: Record<string, string> = {
  "+": "-",
  "-": "+",
  "*": "/",
  "/": "*",
  "%": "*",
  "&": "|",
  "|": "&",
  "^": "&",
  "<<": ">>",
  ">>": "<<",
  ">>>": "<<",
};
// PIT's MATH on compound assignments (javac compiles `a += b` to the same arithmetic as `a = a + b`).
const COMPOUND: Record<string, string> = {
  "+=": "-=",
  "-=": "+=",
  "*=": "/=",
  "/=": "*=",
  "%=": "*=",
  "&=": "|=",
  "|=": "&=",
  "^=": "&=",
  "<<=": ">>=",
  ">>=": "<<=",
  ">>>=": "<<=",
};
// BugLab's boolean operator rewrite.
const BOOLEAN: Record<string, string> = { "&&": "||", "||": "&&" };
// PIT's INCREMENTS.
const INCREMENTS: Record<string, string> = { "++": "--", "--": "++" };

/** Mutations that replace one operator token, and PIT's INVERT_NEGS, which removes a unary minus. */
export function operatorMutations(node: SyntaxNode, code: string, locals: LocalVariables): Mutation[] {
  const out: Mutation[] = [];
  const swap = (operator: MutationOperator, token: SyntaxNode | undefined, table: Record<string, string>) => {
    const replacement = token ? table[token.type] : undefined;
    if (token && replacement) out.push({ operator, start: token.start, end: token.end, replacement });
  };
  switch (node.type) {
    case "binary_expression": {
      const token = childByField(node, "operator");
      swap("conditionals-boundary", token, BOUNDARY);
      swap("negate-conditional", token, NEGATE);
      swap("change-boolean-operator", token, BOOLEAN);
      const left = childByField(node, "left");
      const right = childByField(node, "right");
      const concatenation =
        token?.type === "+" && [left, right].some((side) => side && mayBeText(side, code, locals));
      if (!concatenation) swap("math", token, MATH);
      break;
    }
    case "assignment_expression": {
      const token = childByField(node, "operator");
      const sides = [childByField(node, "left"), childByField(node, "right")];
      const concatenation = token?.type === "+=" && sides.some((s) => s && mayBeText(s, code, locals));
      if (!concatenation) swap("math", token, COMPOUND);
      break;
    }
    case "update_expression":
      swap(
        "increments",
        node.children.find((c) => !c.named),
        INCREMENTS,
      );
      break;
    case "unary_expression": {
      const token = childByField(node, "operator");
      if (token?.type === "-")
        out.push({ operator: "invert-negatives", start: token.start, end: token.end, replacement: "" });
      break;
    }
  }
  return out;
}

/** The operator's text, for tests and messages. */
export function operatorText(node: SyntaxNode, code: string): string {
  const token = childByField(node, "operator");
  return token ? textOf(token, code) : "";
}
