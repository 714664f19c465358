import type { Node } from "web-tree-sitter";
import { describeMethod } from "./describe-method.js";
import type { ExtractedMethod } from "./types.js";

const METHODS = new Set([
  "method_declaration",
  "constructor_declaration",
  "compact_constructor_declaration",
  // Annotation interface elements are declared like abstract methods (`int value() default 0;`).
  "annotation_type_element_declaration",
]);
const BODIES = new Set(["class_body", "interface_body", "enum_body", "annotation_type_body"]);
const WANTED = [...METHODS, ...BODIES];
const MEMBER_CONTAINERS = new Set([
  "program",
  "class_body",
  "interface_body",
  "enum_body_declarations",
  "annotation_type_body",
]);
const TYPE_KEYWORDS = new Set(["class", "interface", "enum", "record", "@interface"]);

export interface LocatedMethod {
  method: ExtractedMethod;
  /** Offsets of the span in the source (UTF-16 units). */
  start: number;
  end: number;
}

/**
 * One native search for the nodes that matter (bodies and declarations, in document order), then the class
 * chain from their nesting: a JavaScript walk over every token costs several times the parse itself.
 */
export function collectMethods(root: Node, source: string, path: string): LocatedMethod[] {
  const methods: LocatedMethod[] = [];
  const open: Array<{ end: number; chain: string }> = [];
  for (const node of root.descendantsOfType(WANTED)) {
    const start = node.startIndex;
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= start) open.pop();
    const chain = open.at(-1)?.chain ?? "";
    const type = node.type;
    if (METHODS.has(type)) {
      methods.push(describeMethod({ node, type, source, path, className: chain }));
    } else {
      const element = scopeElement(node);
      open.push({ end: node.endIndex, chain: chain === "" ? element : `${chain}.${element}` });
    }
  }
  return methods;
}

/** What a type body adds to the class chain: its name, `<local:Name>` or `<anonymous>`. */
function scopeElement(body: Node): string {
  const owner = body.parent;
  if (!owner || owner.type === "object_creation_expression" || owner.type === "enum_constant") {
    return "<anonymous>";
  }
  if (owner.type === "ERROR") return nameBeforeBody(body) ?? "<anonymous>";
  const name = owner.childForFieldName("name")?.text || "<error>";
  return isLocal(owner) ? `<local:${name}>` : name;
}

function isLocal(declaration: Node): boolean {
  let parent = declaration.parent;
  while (parent && parent.type === "ERROR") parent = parent.parent;
  return parent !== null && !MEMBER_CONTAINERS.has(parent.type);
}

/** In a broken header (`class Foo extends {`) tree-sitter leaves `class Foo` as loose tokens. */
function nameBeforeBody(body: Node): string | null {
  let name: string | null = null;
  for (let node = body.previousSibling; node; node = node.previousSibling) {
    if (node.type === "identifier") name = node.text;
    else if (TYPE_KEYWORDS.has(node.type)) return name;
  }
  return null;
}
