// JLS 3.9 reserved keywords and the literals (3.10.3, 3.10.8). `_` is left out: it was a legal name before Java 9.
const RESERVED = new Set(
  (
    "abstract assert boolean break byte case catch char class const continue default do double else enum " +
    "extends final finally float for goto if implements import instanceof int interface long native new " +
    "package private protected public return short static strictfp super switch synchronized this throw " +
    "throws transient try void volatile while true false null"
  ).split(" "),
);

/**
 * False for a name no Java declaration can have: empty (tree-sitter's MISSING identifier) or a keyword, which
 * is what error recovery leaves when it reads a statement (`r.run();`, `switch (x) {`) as a declaration.
 */
export function isDeclarableName(name: string): boolean {
  return name !== "" && !RESERVED.has(name);
}
