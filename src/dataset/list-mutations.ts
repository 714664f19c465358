import type { SyntaxNode } from "../java/types.js";
import { removeCallMutations, swapArgumentMutations } from "./call-mutations.js";
import { collectLocalVariables } from "./collect-local-variables.js";
import { literalMutations } from "./literal-mutations.js";
import { operatorMutations } from "./operator-mutations.js";
import { returnValueMutations } from "./return-value-mutations.js";
import { childByField, walkSyntax } from "./syntax-helpers.js";
import { MUTATION_OPERATORS, type Mutation } from "./types.js";
import { replaceVariableMutations } from "./variable-mutations.js";

const ORDER = new Map<string, number>(MUTATION_OPERATORS.map((name, i) => [name, i]));

/**
 * Every mutation of a method's body that the operators offer, in a fixed order (position, operator, then
 * the operator's own order), so a seeded choice among them is reproducible. `method` is the declaration's syntax and
 * `code` its text; `returnType` as extracted (null for constructors).
 */
export function listMutations(method: SyntaxNode, code: string, returnType: string | null): Mutation[] {
  const body = childByField(method, "body");
  if (!body) return [];
  const locals = collectLocalVariables(method, code);
  const out: Mutation[] = [];
  walkSyntax(body, (node, ancestors) => {
    const parent = ancestors.at(-1);
    out.push(
      ...operatorMutations(node, ancestors, code, locals),
      ...returnValueMutations(node, ancestors, code, returnType),
      ...removeCallMutations(node, parent, code),
      ...swapArgumentMutations(node, parent, code, locals),
      ...replaceVariableMutations(node, ancestors, code, locals),
      ...literalMutations(node, ancestors, code),
    );
  });
  return out.sort(
    (a, b) =>
      a.start - b.start || (ORDER.get(a.operator) ?? 0) - (ORDER.get(b.operator) ?? 0) || a.end - b.end,
  );
}

/** The code with one mutation applied. */
export function applyMutation(code: string, mutation: Mutation): string {
  return code.slice(0, mutation.start) + mutation.replacement + code.slice(mutation.end);
}
