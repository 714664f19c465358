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
 * `path:Outer.Inner#name(T1,T2)`: the key of every method of a named class, unchanged since the first
 * version. Given the key chain (see collectMethods) instead of the class chain, it makes the key of any
 * method: an anonymous class is then `<anonymous@member#k>` (the k-th anonymous class of that member of
 * the enclosing class) and a local class `<local:Name@member>`, so the key of a method stays while classes
 * are added or removed in other members. May contain any character of a path; escape it where it is embedded.
 */
export function methodKey(method: MethodIdentity): string {
  return `${method.path}:${method.className}#${method.name}(${method.parameterTypes.join(",")})`;
}

/** The comparison key without the path, for pairing methods across renamed files. */
export function methodSlot(method: Omit<MethodIdentity, "path">): string {
  return `${method.className}#${method.name}(${method.parameterTypes.join(",")})`;
}

/**
 * Where keys still collide in one file (two local classes of one name in one member, broken code), the
 * second and later in file order get `~2`, `~3`, ...: unique, and stable while nothing above them in the
 * same slot moves. Returns the keys in the order given.
 */
export function disambiguateKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}~${n}`;
  });
}

/**
 * The key an older version gave the same method (`<anonymous>` and `<local:Name>` without where they
 * stand, no `~n`): how markers written before keys were unique are still recognised. Identity for a
 * method of a named class.
 */
export function legacyMethodKey(key: string): string {
  const parsed = parseMethodKey(key);
  if (!parsed) return key;
  return methodKey({ ...parsed, className: legacyClassName(parsed.chain) });
}

/**
 * A key (new or legacy) read back: path, key chain, the class chain as `methods --json` prints it, name,
 * parameter types. Null for text that is no method key.
 */
export function parseMethodKey(
  key: string,
): (MethodIdentity & { chain: string; parameterTypes: string[] }) | null {
  const body = key.replace(/~\d+$/, "");
  // Parameter types and the disambiguator never hold `#`: the last one ends the key chain.
  const hash = body.lastIndexOf("#");
  const open = body.indexOf("(", hash);
  if (hash === -1 || open === -1 || !body.endsWith(")")) return null;
  const chainStart = startOfChain(body, hash);
  if (chainStart === -1) return null;
  const chain = body.slice(chainStart, hash);
  const params = body.slice(open + 1, -1);
  return {
    path: body.slice(0, chainStart - 1),
    chain,
    className: legacyClassName(chain),
    name: body.slice(hash + 1, open),
    parameterTypes: params === "" ? [] : splitTopLevel(params),
  };
}

/** The `:` before the chain: the last one outside the `<...>` and `(...)` of the chain's elements. */
function startOfChain(key: string, end: number): number {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = key[i];
    if (c === ">" || c === ")") depth++;
    else if (c === "<" || c === "(") depth--;
    else if (c === ":" && depth === 0) return i + 1;
  }
  return -1;
}

/** Splits at the commas outside `<...>`: `Map<K,V>,int` -> [`Map<K,V>`, `int`]. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Key chain -> class chain: each `<anonymous@...>` back to `<anonymous>`, `<local:Name@...>` to `<local:Name>`. */
function legacyClassName(chain: string): string {
  let out = "";
  let depth = 0;
  let cut = false;
  for (const c of chain) {
    if (c === "<" || c === "(") depth++;
    else if (c === ">" || c === ")") depth--;
    if (depth === 1 && c === "@") cut = true;
    if (cut && depth === 0) {
      out += ">";
      cut = false;
    } else if (!cut) out += c;
  }
  return out;
}

/**
 * 16 hex digits of SHA-256 over the declaration text with whitespace runs collapsed: re-indenting, CRLF
 * and a Javadoc edit leave it alone; any other edit changes it.
 */
export function methodHash(declarationText: string): string {
  return createHash("sha256").update(collapseWhitespace(declarationText)).digest("hex").slice(0, 16);
}
