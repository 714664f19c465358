import type { SyntaxNode } from "../java/types.js";

const COMMENTS = new Set(["line_comment", "block_comment"]);

/** The node's source text. */
export function textOf(node: SyntaxNode, code: string): string {
  return code.slice(node.start, node.end);
}

/** Named children that are code: no comments, no tokens (`(`, `,`, `;`, keywords). */
export function codeChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((c) => c.named && !COMMENTS.has(c.type));
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  return node.children.find((c) => c.field === field);
}

/** Every node under `root` (itself included) in document order, with its ancestors (nearest last). */
export function walkSyntax(
  root: SyntaxNode,
  visit: (node: SyntaxNode, ancestors: SyntaxNode[]) => void,
): void {
  const ancestors: SyntaxNode[] = [];
  const go = (node: SyntaxNode): void => {
    visit(node, ancestors);
    ancestors.push(node);
    for (const child of node.children) go(child);
    ancestors.pop();
  };
  go(root);
}

/** Bodies of code that run apart from the method: captured locals must be effectively final there. */
export const NESTED_BODIES = new Set(["lambda_expression", "class_body"]);
