import { createHash } from "node:crypto";

/** Java's own whitespace (JLS 3.6); a no-break space inside a string literal is content, not layout. */
const WHITESPACE_RUN = /[ \t\f\r\n]+/g;
// The same runs, less the lone spaces that are already what they collapse to: twice as fast on source text.
const WHITESPACE_TO_COLLAPSE = /[\t\f\r\n][ \t\f\r\n]*| [ \t\f\r\n]+/g;

export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, " ").trim();
}

export function removeWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, "");
}

export interface MethodIdentity {
  path: string;
  className: string;
  name: string;
  parameterTypes: readonly string[];
}

/**
 * `path:Outer.Inner#name(T1,T2)`: identifies a method across pushes as long as its file, class chain, name
 * and parameter types stay. May contain any character of a path; escape it where it is embedded (markers).
 */
export function methodKey(method: MethodIdentity): string {
  return `${method.path}:${method.className}#${method.name}(${method.parameterTypes.join(",")})`;
}

/** The comparison key without the path, for pairing methods across renamed files. */
export function methodSlot(method: Omit<MethodIdentity, "path">): string {
  return `${method.className}#${method.name}(${method.parameterTypes.join(",")})`;
}

/**
 * 16 hex digits of SHA-256 over the declaration text with whitespace runs collapsed: re-indenting, CRLF
 * and a Javadoc edit leave it alone; any other edit changes it.
 */
export function methodHash(declarationText: string): string {
  return createHash("sha256").update(collapseWhitespace(declarationText)).digest("hex").slice(0, 16);
}
