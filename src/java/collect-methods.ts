import type { Node } from "web-tree-sitter";
import { describeMethod, parameterTypesOf, recordComponentTypes } from "./describe-method.js";
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
/** Where a member ends: a node whose parent is one of these is a member (or a top-level declaration). */
const MEMBER_PARENTS = new Set([...MEMBER_CONTAINERS, "enum_body"]);
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
  const open: Array<{ end: number; chain: string; keyChain: string }> = [];
  // How many anonymous classes each member of each class has shown so far: `keyChain\0member` -> count.
  const anonymous = new Map<string, number>();
  for (const node of root.descendantsOfType(WANTED)) {
    const start = node.startIndex;
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= start) open.pop();
    const chain = open.at(-1)?.chain ?? "";
    const keyChain = open.at(-1)?.keyChain ?? "";
    const type = node.type;
    if (METHODS.has(type)) {
      methods.push(describeMethod({ node, type, source, path, className: chain, keyChain }));
    } else {
      const element = scopeElement(node);
      const keyElement = keyElementOf(node, element, keyChain, anonymous);
      open.push({
        end: node.endIndex,
        chain: chain === "" ? element : `${chain}.${element}`,
        keyChain: keyChain === "" ? keyElement : `${keyChain}.${keyElement}`,
      });
    }
  }
  return methods;
}

/**
 * What a type body adds to the key chain: a named member class its name, as in the class chain; an
 * anonymous class `<anonymous@member#k>` and a local class `<local:Name@member>`, the member being the
 * enclosing class's method, constructor, field, initializer or enum constant that holds it. Adding a class
 * in another member leaves the element as it was.
 */
function keyElementOf(body: Node, element: string, keyChain: string, anonymous: Map<string, number>): string {
  if (element === "<anonymous>") {
    const owner = body.parent;
    const member = owner ? memberLabel(enclosingMember(owner), owner.startIndex) : "?";
    const slot = `${keyChain}\0${member}`;
    const k = (anonymous.get(slot) ?? 0) + 1;
    anonymous.set(slot, k);
    return `<anonymous@${member}#${k}>`;
  }
  if (element.startsWith("<local:") && body.parent) {
    const owner = body.parent;
    return `${element.slice(0, -1)}@${memberLabel(enclosingMember(owner), owner.startIndex)}>`;
  }
  return element;
}

/** The member of the nearest enclosing class that holds the node (the node itself for an enum constant). */
function enclosingMember(node: Node): Node {
  let member = node;
  for (let parent = node.parent; parent && !MEMBER_PARENTS.has(parent.type); parent = parent.parent) {
    member = parent;
  }
  return member;
}

/** `name(T1,T2)` for a method or constructor, the variable's name for a field, `{}` or `static{}`. */
function memberLabel(member: Node, at: number): string {
  switch (member.type) {
    case "method_declaration":
    case "constructor_declaration":
    case "annotation_type_element_declaration":
      return `${member.childForFieldName("name")?.text ?? ""}(${parameterTypesOf(member.childForFieldName("parameters")).join(",")})`;
    case "compact_constructor_declaration":
      return `${member.childForFieldName("name")?.text ?? ""}(${recordComponentTypes(member).join(",")})`;
    case "field_declaration":
    case "constant_declaration": {
      const declarator = member.namedChildren.find(
        (c) => c.type === "variable_declarator" && c.startIndex <= at && at < c.endIndex,
      );
      return declarator?.childForFieldName("name")?.text ?? "?";
    }
    case "enum_constant":
      return member.childForFieldName("name")?.text ?? "?";
    case "static_initializer":
      return "static{}";
    case "block":
      return "{}";
    default:
      return member.type;
  }
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
