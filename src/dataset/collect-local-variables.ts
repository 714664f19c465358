import type { SyntaxNode } from "../java/types.js";
import { childByField, codeChildren, textOf, walkSyntax } from "./syntax-helpers.js";

/** A parameter or local variable of a method, with where its name is in scope. */
export interface LocalVariable {
  name: string;
  /** The declared type, whitespace removed (`List<String>`, `int[]`); null for `var` and inferred lambda parameters. */
  type: string | null;
  /** Offset of the name in the declaration. */
  declaredAt: number;
  /** The scope, [start, end): from the end of the declarator (not its own initializer) to its block's end. */
  start: number;
  end: number;
  /** Definitely assigned wherever it is in scope (a parameter, or a local with an initializer). */
  initialized: boolean;
}

export interface LocalVariables {
  variables: LocalVariable[];
  /** Variables assigned after their declaration: not effectively final, so a lambda may not capture them. */
  reassigned: Set<LocalVariable>;
  /** The variable a name means at an offset: the innermost declaration in scope there. */
  resolve(name: string, at: number): LocalVariable | null;
}

const FUNCTIONS = new Set([
  "method_declaration",
  "constructor_declaration",
  "compact_constructor_declaration",
  "lambda_expression",
]);

/**
 * The method's parameters and locals (of nested lambdas and classes too), from the declarations alone: no
 * types are resolved, so fields and anything else the method does not declare are unknown to it.
 */
export function collectLocalVariables(method: SyntaxNode, code: string): LocalVariables {
  const variables: LocalVariable[] = [];
  const add = (name: SyntaxNode | undefined, type: string | null, scope: [number, number], init = true) => {
    if (name?.type !== "identifier") return;
    const [start, end] = scope;
    variables.push({ name: textOf(name, code), type, declaredAt: name.start, start, end, initialized: init });
  };
  const typeText = (type: SyntaxNode | undefined, dims?: SyntaxNode): string | null => {
    if (!type) return null;
    const text = (textOf(type, code) + (dims ? textOf(dims, code) : "")).replace(/\s+/g, "");
    return text === "var" ? null : text;
  };
  walkSyntax(method, (node, ancestors) => {
    const parent = ancestors.at(-1);
    switch (node.type) {
      case "formal_parameter": {
        const owner = ancestors.at(-2);
        const body = owner && FUNCTIONS.has(owner.type) ? childByField(owner, "body") : undefined;
        if (body) {
          const type = typeText(childByField(node, "type"), childByField(node, "dimensions"));
          add(childByField(node, "name"), type, [body.start, body.end]);
        }
        break;
      }
      case "spread_parameter": {
        const owner = ancestors.at(-2);
        const body = owner ? childByField(owner, "body") : undefined;
        const declarator = node.children.find((c) => c.type === "variable_declarator");
        const type = codeChildren(node).find(
          (c) => c.type !== "modifiers" && c.type !== "variable_declarator",
        );
        if (body && declarator) {
          const text = typeText(type);
          add(childByField(declarator, "name"), text === null ? null : `${text}...`, [body.start, body.end]);
        }
        break;
      }
      case "local_variable_declaration": {
        const end = parent ? scopeEnd(parent, ancestors.at(-2)) : node.end;
        for (const declarator of node.children.filter((c) => c.field === "declarator")) {
          const type = typeText(childByField(node, "type"), childByField(declarator, "dimensions"));
          const init = childByField(declarator, "value") !== undefined;
          add(childByField(declarator, "name"), type, [declarator.end, end], init);
        }
        break;
      }
      case "enhanced_for_statement": {
        const body = childByField(node, "body");
        const type = typeText(childByField(node, "type"), childByField(node, "dimensions"));
        if (body) add(childByField(node, "name"), type, [body.start, body.end]);
        break;
      }
      case "catch_formal_parameter": {
        const clause = parent;
        const body = clause ? childByField(clause, "body") : undefined;
        const types = node.children.find((c) => c.type === "catch_type");
        // A multi-catch parameter's type is a union no other variable can have.
        const single = types && codeChildren(types).length === 1 ? typeText(types) : null;
        if (body) add(childByField(node, "name"), single, [body.start, body.end]);
        break;
      }
      case "resource": {
        const statement = ancestors.at(-2);
        const body = statement ? childByField(statement, "body") : undefined;
        if (body) add(childByField(node, "name"), typeText(childByField(node, "type")), [node.end, body.end]);
        break;
      }
      case "lambda_expression": {
        // Inferred parameters (`x -> ...`, `(a, b) -> ...`) shadow fields of the same name.
        const params = childByField(node, "parameters");
        const body = childByField(node, "body");
        if (!params || !body) break;
        const names =
          params.type === "identifier"
            ? [params]
            : params.type === "inferred_parameters"
              ? codeChildren(params)
              : [];
        for (const name of names) add(name, null, [body.start, body.end]);
        break;
      }
      case "instanceof_expression": {
        // A pattern variable's scope follows the flow of control; its uses are left alone (type unknown).
        const name = childByField(node, "name");
        const block = [...ancestors].reverse().find((a) => a.type === "block");
        if (name) add(name, null, [name.end, block?.end ?? node.end]);
        break;
      }
    }
  });
  const resolve = (name: string, at: number): LocalVariable | null => {
    let best: LocalVariable | null = null;
    for (const v of variables) {
      if (v.name === name && v.start <= at && at < v.end && (!best || v.start >= best.start)) best = v;
    }
    return best;
  };
  const reassigned = new Set<LocalVariable>();
  walkSyntax(method, (node) => {
    const target =
      node.type === "assignment_expression"
        ? childByField(node, "left")
        : node.type === "update_expression"
          ? codeChildren(node)[0]
          : undefined;
    if (target?.type !== "identifier") return;
    const variable = resolve(textOf(target, code), target.start);
    if (variable) reassigned.add(variable);
  });
  return { variables, reassigned, resolve };
}

/** A local's scope ends with its block; in a switch group, with the whole switch block; in a `for`, with it. */
function scopeEnd(parent: SyntaxNode, grandparent: SyntaxNode | undefined): number {
  if (parent.type === "switch_block_statement_group" && grandparent) return grandparent.end;
  return parent.end;
}
