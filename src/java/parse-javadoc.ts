/** True for a doc comment: `/**` but not the empty block comment `/**\/`. */
export function isJavadoc(comment: string): boolean {
  return comment.startsWith("/**") && comment !== "/**/";
}

/**
 * The text of a Javadoc comment without its markers: `/**`, `*\/` and each line's leading `*` go, as
 * the javadoc tool drops them; inner line breaks and tags stay, leading/trailing blank lines go.
 */
export function parseJavadoc(comment: string): string {
  const inner = comment.replace(/^\/\*\*/, "").replace(/\*\/$/, "");
  const stripped = inner.split(/\r\n|\r|\n/).map((line) => {
    const star = /^[ \t\f]*\*+/.exec(line);
    if (!star) return line.trim();
    // One space after the star is layout; deeper indentation (code samples) is kept.
    const rest = line.slice(star[0].length).trimEnd();
    return rest.startsWith(" ") ? rest.slice(1) : rest;
  });
  while (stripped.length > 0 && stripped[0]?.trim() === "") stripped.shift();
  while (stripped.length > 0 && stripped.at(-1)?.trim() === "") stripped.pop();
  return stripped.join("\n");
}

/** The text of `///` doc comment lines: the slashes go, then the indentation the lines share. */
export function parseMarkdownDoc(lines: readonly string[]): string {
  const bodies = lines.map((line) => line.replace(/^\/\/\//, "").trimEnd());
  const indents = bodies.filter((b) => b.trim() !== "").map((b) => /^[ \t]*/.exec(b)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  const text = bodies.map((b) => b.slice(common));
  while (text.length > 0 && text[0]?.trim() === "") text.shift();
  while (text.length > 0 && text.at(-1)?.trim() === "") text.pop();
  return text.join("\n");
}
