import type { SyntaxNode } from "../java/types.js";
import type { LocalVariables } from "./collect-local-variables.js";
import { mayBeText } from "./guess-expression-type.js";
import { childByField, codeChildren } from "./syntax-helpers.js";
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
export function operatorMutations(
  node: SyntaxNode,
  ancestors: readonly SyntaxNode[],
  code: string,
  locals: LocalVariables,
): Mutation[] {
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
      if (!codeChildren(node).some(bindsPattern)) swap("change-boolean-operator", token, BOOLEAN);
      if (token?.type !== "+" || !isConcatenation(node, ancestors, code, locals)) swap("math", token, MATH);
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

/**
 * Whether a `+` may join text: an operand of its own or of the chain it starts (`'L' + name() + "/" + s`
 * parses as `(('L' + name()) + "/") + s`, and the first `+` is as textual as the last) may be a String.
 * `a + b + ""` loses a numeric mutant this way; a mutant that does not compile would teach the judge less.
 */
function isConcatenation(
  node: SyntaxNode,
  ancestors: readonly SyntaxNode[],
  code: string,
  locals: LocalVariables,
): boolean {
  const operands = [childByField(node, "left"), childByField(node, "right")];
  let inner = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i] as SyntaxNode;
    const isPlus = parent.type === "binary_expression" && childByField(parent, "operator")?.type === "+";
    if (!isPlus || childByField(parent, "left") !== inner) break;
    operands.push(childByField(parent, "right"));
    inner = parent;
  }
  return operands.some((side) => side !== undefined && mayBeText(side, code, locals));
}

/**
 * `o instanceof Foo f && f.ok()` only compiles because `&&` puts `f` in scope on its right and in the `if`
 * body; `||` would not, so a condition that binds a pattern variable keeps its boolean operators.
 */
function bindsPattern(node: SyntaxNode): boolean {
  if (
    node.type === "instanceof_expression" &&
    node.children.some((c) => c.field === "name" || c.field === "pattern")
  ) {
    return true;
  }
  if (node.type === "lambda_expression" || node.type === "class_body") return false;
  return node.children.some(bindsPattern);
}
