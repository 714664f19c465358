import type { ExtractedMethod } from "../java/types.js";
import type { JudgeInput } from "./types.js";

/**
 * What the judge reads about an extracted method. The text's continuation lines are dedented by the declaration's
 * indent, so a method reads the same wherever it is nested.
 */
export function judgeInputFromMethod(m: ExtractedMethod): JudgeInput {
  const lines = m.text.split(/\r?\n/);
  const code = lines.map((line, i) =>
    i > 0 && m.indent && line.startsWith(m.indent) ? line.slice(m.indent.length) : line,
  );
  const description = m.javadoc?.trim() ? m.javadoc.trim() : null;
  return { description, signature: m.signature, code: code.join("\n"), className: m.className, name: m.name };
}
