import type { Node, Parser } from "web-tree-sitter";
import { type LoneMethodShape, parseLoneMethod } from "./parse-lone-method.js";
import type { ExtractedMethod } from "./types.js";

/** One method or constructor read from its text alone, or what the text holds instead. */
export type LoneDeclaration = { method: ExtractedMethod } | { found: string };

const KINDS: Record<string, string> = {
  method_declaration: "method",
  constructor_declaration: "constructor",
  compact_constructor_declaration: "compact constructor",
  class_declaration: "class",
  interface_declaration: "interface",
  enum_declaration: "enum",
  record_declaration: "record",
  annotation_type_declaration: "annotation interface",
  field_declaration: "a field declaration",
  constant_declaration: "a constant declaration",
  block: "an initializer block",
  static_initializer: "a static initializer",
};

/**
 * Reads the text of one method or constructor with nothing around it (a dataset line's `code`): it is parsed as
 * the one member of a class, so a constructor needs no key to name its class: the name before its parameter
 * list is its class's name, and the method comes back with that class (a method's class stays ""). Comments (a
 * Javadoc) may come before and after it. Anything else comes back as what was found instead, in a few words.
 */
export function parseLoneDeclaration(parser: Parser, code: string): LoneDeclaration {
  const inClass = readMembers(parser, "class Wrapper {\n", code);
  // A compact constructor (`Point {`, no parameter list) only parses inside a record.
  const reading = "shape" in inClass ? inClass : readMembers(parser, "record Wrapper() {\n", code);
  if ("shape" in reading) {
    const { shape } = reading;
    const lone = parseLoneMethod(parser, code, shape, { comments: true });
    if (!lone) return { found: `${shape.kind} ${shape.name}, which does not parse on its own` };
    return { method: { ...lone.method, className: shape.kind === "constructor" ? shape.name : "" } };
  }
  // Of two syntax errors, the later one is nearer the truth: the other wrapper failed sooner.
  return { found: describe("shape" in inClass || reading.errorAt > inClass.errorAt ? reading : inClass) };
}

type Found = { members: string[]; errorLine: number | null; errorAt: number };
type Reading = { shape: LoneMethodShape } | Found;

function readMembers(parser: Parser, header: string, code: string): Reading {
  const tree = parser.parse(`${header}${code}\n}\n`);
  if (!tree) throw new Error("tree-sitter returned no tree: the Java grammar is not set on the parser");
  try {
    const root = tree.rootNode;
    const error = root.hasError ? firstError(root) : null;
    const outside = root.namedChildren.filter((n) => !n.isExtra).slice(1);
    const body = root.firstNamedChild?.childForFieldName("body");
    const inside = body?.namedChildren.filter((n) => !n.isExtra) ?? [];
    const members = [...inside, ...outside];
    const member = members.length === 1 ? members[0] : undefined;
    if (!error && member && KINDS[member.type]?.includes("constructor")) {
      const name = member.childForFieldName("name")?.text ?? "";
      const compact = member.type === "compact_constructor_declaration";
      return { shape: { name, kind: "constructor", signature: compact ? name : `${name}(`, className: "" } };
    }
    if (!error && member?.type === "method_declaration") {
      const name = member.childForFieldName("name")?.text ?? "";
      return { shape: { name, kind: "method", signature: `${name}(`, className: "" } };
    }
    return {
      members: members.map(describeMember),
      // The header is the first line: the code's line N is the tree's row N.
      errorLine: error ? error.startPosition.row : null,
      errorAt: error ? error.startIndex : Number.POSITIVE_INFINITY,
    };
  } finally {
    tree.delete();
  }
}

function firstError(node: Node): Node | null {
  if (node.type === "ERROR" || node.isMissing) return node;
  for (const child of node.children) if (child.hasError) return firstError(child);
  return null;
}

function describeMember(node: Node): string {
  const kind = KINDS[node.type] ?? node.type.replaceAll("_", " ");
  const name = node.childForFieldName("name")?.text;
  return name && !/^an? /.test(kind) ? `${kind} ${name}` : kind;
}

function describe(reading: Found): string {
  if (reading.errorLine !== null) return `a syntax error on line ${Math.max(1, reading.errorLine)}`;
  const { members } = reading;
  if (members.length === 0) return "no declaration, only comments";
  if (members.length === 1) return members[0] as string;
  return `${members.length} declarations (${members.join(", ")})`;
}
