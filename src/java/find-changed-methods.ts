import { collapseWhitespace, methodSlot } from "./method-key.js";
import type { ChangedMethod, ExtractedMethod } from "./types.js";

/** A changed method and the base version it was paired with (null when added). */
export interface ChangedMethodPair {
  method: ChangedMethod;
  counterpart: ExtractedMethod | null;
}

/**
 * The changed methods of one file (DESIGN.md "Changed methods"). `base` is null for a new file. Counterparts
 * share class chain, name and parameter types (not the path, so a renamed file pairs with its old self);
 * methods sharing all three pair up in file order. Declarations exclude the Javadoc and whitespace, so a
 * Javadoc-only edit, re-indentation or a move within the file is no change. Results in head file order.
 */
export function findChangedMethods(base: ExtractedMethod[] | null, head: ExtractedMethod[]): ChangedMethod[] {
  return pairChangedMethods(base, head).map((pair) => pair.method);
}

/** findChangedMethods, each method with its base counterpart (the version before a modification). */
export function pairChangedMethods(
  base: ExtractedMethod[] | null,
  head: ExtractedMethod[],
): ChangedMethodPair[] {
  const counterparts = new Map<string, ExtractedMethod[]>();
  for (const method of base ?? []) {
    const slot = methodSlot(method);
    const list = counterparts.get(slot);
    if (list) list.push(method);
    else counterparts.set(slot, [method]);
  }
  const changed: ChangedMethodPair[] = [];
  for (const method of head) {
    const counterpart = counterparts.get(methodSlot(method))?.shift();
    if (!counterpart) changed.push({ method: { ...method, change: "added" }, counterpart: null });
    else if (!sameDeclaration(counterpart, method))
      changed.push({ method: { ...method, change: "modified" }, counterpart });
  }
  return changed;
}

function sameDeclaration(a: ExtractedMethod, b: ExtractedMethod): boolean {
  // Compare the text itself: the 64-bit hash is an identifier, not a proof of equality.
  return a.hash === b.hash && collapseWhitespace(a.text) === collapseWhitespace(b.text);
}
