import { legacyMethodKey } from "./method-key.js";

/**
 * The methods a stored key names (a marker's, a thread's, a feedback record's). A key of today names one
 * method. A key an older version wrote (`<anonymous>`, no position) names the one method that maps to it,
 * or, where several do, those whose declaration hash is `hash` (the marker's): they have the same text, so
 * a comment on one stands for all of them. Anything else is ambiguous and names none, so no thread is
 * resolved or minimized on a guess.
 */
export function findMethodsByKey<T extends { key: string; hash: string }>(
  methods: readonly T[],
  key: string,
  hash?: string,
): T[] {
  const exact = methods.filter((m) => m.key === key);
  if (exact.length > 0 || legacyMethodKey(key) !== key) return exact;
  const legacy = methods.filter((m) => legacyMethodKey(m.key) === key);
  if (legacy.length <= 1) return legacy;
  return hash === undefined ? [] : legacy.filter((m) => m.hash === hash);
}
