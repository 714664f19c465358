import type { Node } from "web-tree-sitter";
import { isDeclarableName } from "./is-declarable-name.js";

/**
 * With a broken class header tree-sitter reads `public Foo(int a) {` as a method returning `Foo` whose name is
 * MISSING. A bare type name, then the parameters and a body, is what a constructor looks like (javac reads it
 * so too), so the name is that type's.
 */
export function recoverConstructorName(node: Node, type: string): string | null {
  if (type !== "method_declaration" || node.childForFieldName("dimensions")) return null;
  const returnType = node.childForFieldName("type");
  if (returnType?.type !== "type_identifier") return null;
  const name = returnType.text;
  return isDeclarableName(name) ? name : null;
}
