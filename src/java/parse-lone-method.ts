import type { Parser } from "web-tree-sitter";
import { collectMethods } from "./collect-methods.js";
import { toSyntaxTree } from "./to-syntax-tree.js";
import type { ExtractedMethod, SyntaxNode } from "./types.js";

/** What decides how a lone method must be wrapped to parse as the member it was. */
export type LoneMethodShape = Pick<ExtractedMethod, "name" | "kind" | "signature" | "className">;

export interface LoneMethod {
  /** The method as extracted from its wrapper: path "", the wrapper's class name. */
  method: ExtractedMethod;
  /** The declaration's syntax tree, offsets into `code`; null unless asked for. */
  syntax: SyntaxNode | null;
}

/**
 * Parses the text of one method or constructor on its own (wrapped in a class of its own). Null unless it
 * parses without any error as exactly one member that spans the whole text: the test a rewritten method
 * (a mutant, a generated candidate) must pass to be the same kind of declaration as before. `comments` lets
 * comments (a Javadoc) come before and after the declaration, as in a dataset line's code.
 */
export function parseLoneMethod(
  parser: Parser,
  code: string,
  shape: LoneMethodShape,
  options: { syntax?: boolean; comments?: boolean } = {},
): LoneMethod | null {
  const prefix = wrapperHeader(shape);
  const source = `${prefix}${code}\n}\n`;
  const tree = parser.parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree: the Java grammar is not set on the parser");
  try {
    const root = tree.rootNode;
    if (root.hasError) return null;
    const members = root.firstNamedChild?.childForFieldName("body")?.namedChildren.filter((n) => !n.isExtra);
    const declaration = members?.length === 1 ? members[0] : undefined;
    if (!declaration) return null;
    if (options.comments) {
      // Without errors, the one member of the only class: all else in the text is comments.
      if (root.namedChildren.filter((n) => !n.isExtra).length !== 1) return null;
    } else {
      if (declaration.startIndex !== prefix.length) return null;
      if (declaration.endIndex !== prefix.length + code.trimEnd().length) return null;
    }
    const found = collectMethods(root, source, "").find((m) => m.start === declaration.startIndex);
    if (!found) return null;
    return {
      method: found.method,
      syntax: options.syntax ? toSyntaxTree(declaration, prefix.length) : null,
    };
  } finally {
    tree.delete();
  }
}

/**
 * A constructor needs a class of its name; a compact constructor (`Point {`, no parameter list) only parses
 * inside a record. The header has no newline inside, so the method's lines stay the wrapper's lines 2..n.
 */
function wrapperHeader(shape: LoneMethodShape): string {
  if (shape.kind === "constructor" && !shape.signature.includes("(")) return `record ${shape.name}() {\n`;
  if (shape.kind === "constructor") return `class ${shape.name} {\n`;
  const last = shape.className.split(".").at(-1) ?? "";
  const name = /^[A-Za-z_$][\w$]*$/.test(last) ? last : "Wrapper";
  return `class ${name} {\n`;
}
