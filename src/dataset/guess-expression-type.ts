import type { SyntaxNode } from "../java/types.js";
import type { LocalVariables } from "./collect-local-variables.js";
import { codeChildren, textOf } from "./syntax-helpers.js";

/**
 * The type an expression surely has, from its own text: a literal's, or a local's declared type. Null when it
 * takes type resolution to know (calls, fields, operators): tree-sitter gives syntax, not types.
 */
export function guessExpressionType(node: SyntaxNode, code: string, locals: LocalVariables): string | null {
  const text = textOf(node, code);
  switch (node.type) {
    case "identifier":
      return locals.resolve(text, node.start)?.type ?? null;
    case "decimal_integer_literal":
    case "hex_integer_literal":
    case "octal_integer_literal":
    case "binary_integer_literal":
      return /[lL]$/.test(text) ? "long" : "int";
    case "decimal_floating_point_literal":
      return /[fF]$/.test(text) ? "float" : "double";
    case "string_literal":
      return "String";
    case "character_literal":
      return "char";
    case "true":
    case "false":
      return "boolean";
    case "parenthesized_expression": {
      const inner = codeChildren(node)[0];
      return inner ? guessExpressionType(inner, code, locals) : null;
    }
    default:
      return null;
  }
}

/** Calls whose result is text: `+` next to them is string concatenation, not arithmetic. */
const TEXT_METHODS = new Set([
  "toString",
  "format",
  "formatted",
  "substring",
  "trim",
  "strip",
  "repeat",
  "join",
  "valueOf",
  "concat",
  "toUpperCase",
  "toLowerCase",
  "name",
  "getName",
  "getSimpleName",
  "getMessage",
]);

/** True when a `+` operand may be a String: `-` in its place would not compile. */
export function mayBeText(node: SyntaxNode, code: string, locals: LocalVariables): boolean {
  switch (node.type) {
    case "string_literal":
    case "text_block":
      return true;
    case "identifier": {
      const type = locals.resolve(textOf(node, code), node.start)?.type;
      return type === "String" || type === "CharSequence" || type === "Object";
    }
    case "method_invocation": {
      const name = node.children.find((c) => c.field === "name");
      return name !== undefined && TEXT_METHODS.has(textOf(name, code));
    }
    case "parenthesized_expression":
    case "binary_expression":
      return codeChildren(node).some((c) => mayBeText(c, code, locals));
    case "ternary_expression":
      return node.children.some(
        (c) => (c.field === "consequence" || c.field === "alternative") && mayBeText(c, code, locals),
      );
    default:
      return false;
  }
}
