import type { Parser } from "web-tree-sitter";
import { collectMethods, type LocatedMethod } from "./collect-methods.js";
import { isDeclarableName } from "./is-declarable-name.js";
import { disambiguateKeys } from "./method-key.js";
import { findSwallow, maskRange, type Swallow } from "./recover-swallowed.js";
import type { ExtractedMethod } from "./types.js";

/** Each round repairs one broken method; past this many the file is left as tree-sitter read it. */
const MAX_REPAIRS = 20;

/**
 * Parses one file and returns its methods in file order; every tree is freed before returning. Declarations
 * without a name a declaration can have are tree-sitter's recoveries of other code (`r.run();` read as one),
 * not methods anyone wrote: they take part in the repairs (they may have swallowed real members) but are not
 * returned, so no blank row reaches a report.
 */
export function extractFromParser(parser: Parser, path: string, source: string): ExtractedMethod[] {
  // A BOM would be an error token to the grammar; a space keeps every offset where it was.
  let parsed = source.startsWith("\uFEFF") ? ` ${source.slice(1)}` : source;
  let found = parseMethods(parser, parsed, source, path);
  const kept: LocatedMethod[] = [];
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const repair = firstSwallow(found, source);
    if (!repair) break;
    const [from, to] = repair.swallow.mask;
    kept.push({ method: repair.swallow.truncated, start: from, end: to });
    // Methods nested in the broken one (an anonymous class) before the cut are still right.
    kept.push(...found.filter((m) => m !== repair.broken && m.start >= from && m.end <= to));
    parsed = maskRange(parsed, repair.swallow.mask);
    found = parseMethods(parser, parsed, source, path);
  }
  const methods = [...kept, ...found]
    .filter((m) => isDeclarableName(m.method.name))
    .sort((a, b) => a.start - b.start)
    .map((m) => m.method);
  const keys = disambiguateKeys(methods.map((m) => m.key));
  return methods.map((m, i) => (keys[i] === m.key ? m : { ...m, key: keys[i] ?? m.key }));
}

function firstSwallow(
  found: LocatedMethod[],
  source: string,
): { broken: LocatedMethod; swallow: Swallow } | null {
  for (const broken of found) {
    const swallow = findSwallow(broken.method, source, broken.start);
    if (swallow) return { broken, swallow };
  }
  return null;
}

function parseMethods(parser: Parser, parsed: string, source: string, path: string): LocatedMethod[] {
  const tree = parser.parse(parsed);
  if (!tree) throw new Error("tree-sitter returned no tree: the Java grammar is not set on the parser");
  try {
    return collectMethods(tree.rootNode, source, path);
  } finally {
    tree.delete();
  }
}
