/** Removes the indentation all non-blank lines share; blank lines become empty. */
export function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => (l.trim() === "" ? "" : l.slice(common))).join("\n");
}
