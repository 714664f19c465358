import { collapseWhitespace, methodSlot } from "./method-key.js";
import type { ChangedMethod, ExtractedMethod } from "./types.js";

/** A changed method and the base version it was paired with (null when added). */
export interface ChangedMethodPair {
  method: ChangedMethod;
  counterpart: ExtractedMethod | null;
}

/**
 * The changed methods of one file (DESIGN.md "Changed methods"). `base` is null for a new file. Counterparts
 * share class chain, name and parameter types (not the path, so a renamed file pairs with its old self).
 * Where several methods share all three (anonymous classes, enum constant bodies, local classes of one name),
 * a head method whose declaration text equals one of theirs in the base pairs with it first, and the rest
 * pair up in file order: anonymous classes added, removed or reordered above leave the others unchanged.
 * Declarations exclude the Javadoc and whitespace, so a Javadoc-only edit, re-indentation or a move within
 * the file is no change. Results in head file order.
 */
export function findChangedMethods(base: ExtractedMethod[] | null, head: ExtractedMethod[]): ChangedMethod[] {
  return pairChangedMethods(base, head).map((pair) => pair.method);
}

/** findChangedMethods, each method with its base counterpart (the version before a modification). */
export function pairChangedMethods(
  base: ExtractedMethod[] | null,
  head: ExtractedMethod[],
): ChangedMethodPair[] {
  const baseSlots = groupBySlot(base ?? []);
  const headSlots = groupBySlot(head);
  const counterpart = new Map<ExtractedMethod, ExtractedMethod | null>();
  for (const [slot, heads] of headSlots) {
    const bases = baseSlots.get(slot) ?? [];
    const taken = new Set<ExtractedMethod>();
    const rest: ExtractedMethod[] = [];
    // 1. Moves: the same text in the base (the first unpaired one), so nothing changed.
    for (const method of heads) {
      const same = bases.find((b) => !taken.has(b) && sameDeclaration(b, method));
      if (same) {
        taken.add(same);
        counterpart.set(method, same);
      } else rest.push(method);
    }
    // 2. The rest in file order, with the base methods no head method kept unchanged.
    const left = bases.filter((b) => !taken.has(b));
    for (const [i, method] of rest.entries()) counterpart.set(method, left[i] ?? null);
  }
  const changed: ChangedMethodPair[] = [];
  for (const method of head) {
    const pair = counterpart.get(method) ?? null;
    if (!pair) changed.push({ method: { ...method, change: "added" }, counterpart: null });
    else if (!sameDeclaration(pair, method))
      changed.push({ method: { ...method, change: "modified" }, counterpart: pair });
  }
  return changed;
}

function groupBySlot(methods: ExtractedMethod[]): Map<string, ExtractedMethod[]> {
  const slots = new Map<string, ExtractedMethod[]>();
  for (const method of methods) {
    const slot = methodSlot(method);
    const list = slots.get(slot);
    if (list) list.push(method);
    else slots.set(slot, [method]);
  }
  return slots;
}

function sameDeclaration(a: ExtractedMethod, b: ExtractedMethod): boolean {
  // Compare the text itself: the 64-bit hash is an identifier, not a proof of equality.
  return a.hash === b.hash && collapseWhitespace(a.text) === collapseWhitespace(b.text);
}
