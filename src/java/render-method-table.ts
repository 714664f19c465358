import type { JavaMethod } from "./types.js";

/** A plain-text table for people: one method a line, aligned columns, errors flagged. */
export function renderMethodTable(methods: ReadonlyArray<JavaMethod & { change?: string }>): string {
  if (methods.length === 0) return "no methods\n";
  const rows = methods.map((m) => [
    `${m.path}:${m.startLine}-${m.endLine}`,
    ...(m.change === undefined ? [] : [m.change]),
    m.kind,
    m.className === "" ? m.name : `${m.className}.${m.name}`,
    m.signature + (m.hasError ? "  [syntax error]" : ""),
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  const lines = rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "),
  );
  return `${lines.join("\n")}\n`;
}
