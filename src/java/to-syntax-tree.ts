import type { Node } from "web-tree-sitter";
import type { SyntaxNode } from "./types.js";

/**
 * Copies a tree-sitter subtree into plain objects, offsets shifted by `-offset`. One cursor walk: a cursor
 * step is one call into WASM, where a Node's `children` allocates a wrapper per child.
 */
export function toSyntaxTree(node: Node, offset: number): SyntaxNode {
  const cursor = node.walk();
  try {
    const current = (): SyntaxNode => ({
      type: cursor.nodeType,
      named: cursor.nodeIsNamed,
      field: cursor.currentFieldName,
      start: cursor.startIndex - offset,
      end: cursor.endIndex - offset,
      children: [],
    });
    const root = { ...current(), field: null };
    const stack: SyntaxNode[] = [root];
    for (;;) {
      if (cursor.gotoFirstChild()) {
        const child = current();
        stack.at(-1)?.children.push(child);
        stack.push(child);
        continue;
      }
      for (;;) {
        stack.pop();
        const parent = stack.at(-1);
        if (!parent) return root;
        if (cursor.gotoNextSibling()) {
          const sibling = current();
          parent.children.push(sibling);
          stack.push(sibling);
          break;
        }
        cursor.gotoParent();
      }
    }
  } finally {
    cursor.delete();
  }
}
