const MARKER = /<!-- java-judge:method=(\S+) hash=([0-9a-zA-Z]+) -->/;

/**
 * The hidden marker every bot comment starts with: it is how a later run (or a retried job whose store
 * write was lost) recognises its own comment. The key holds a path, so it is URI-encoded: no space or `-->`.
 */
export function renderMarker(methodKey: string, bodyHash: string): string {
  return `<!-- java-judge:method=${encodeURIComponent(methodKey)} hash=${bodyHash} -->`;
}

export function parseMarker(body: string): { methodKey: string; bodyHash: string } | null {
  const m = MARKER.exec(body);
  if (!m?.[1] || !m[2]) return null;
  try {
    return { methodKey: decodeURIComponent(m[1]), bodyHash: m[2] };
  } catch {
    return null;
  }
}
