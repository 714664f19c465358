import type { ExtractedMethod } from "../java/types.js";
import { maskJava } from "./mask-java.js";
import type { ClassContext } from "./types.js";

export interface CollectClassContextParams {
  /** The whole file. */
  source: string;
  method: ExtractedMethod;
  /** Every method of the file (from extractMethods). */
  methods: ExtractedMethod[];
}

/**
 * What the generator should know about the method's class: the file's imports, the field
 * declarations of the enclosing class body (enum constants included) and the signatures of the
 * class's other methods. Fields are read from the class body with method bodies and nested types
 * skipped, so no syntax tree is needed here.
 */
export function collectClassContext(params: CollectClassContextParams): ClassContext {
  const { source, method, methods } = params;
  const imports = [...source.matchAll(/^[ \t]*(import\s+(?:static\s+)?[\w$.*\s]+;)/gm)].map((m) =>
    (m[1] ?? "").replace(/\s+/g, " "),
  );
  const siblingSignatures = methods
    .filter((m) => m.className === method.className && m.key !== method.key)
    .map((m) => m.signature);
  return { imports, fields: collectFields(source, method, methods), siblingSignatures };
}

function collectFields(source: string, method: ExtractedMethod, methods: ExtractedMethod[]): string[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const masked = blankMethods(maskJava(source), methods, lineStarts).split("");
  // Bodies of anonymous classes in initializers say little and cost many tokens.
  const text = blankMethods(source, methods, lineStarts);
  const at = lineStarts[method.startLine - 1] ?? 0;
  const bodyStart = findEnclosingOpen(masked, at);
  if (bodyStart === -1) return [];
  const fields: string[] = [];
  let depth = 0;
  let segmentStart = bodyStart + 1;
  let insideInitializer = false;
  for (let i = bodyStart + 1; i < masked.length; i++) {
    const c = masked[i];
    if (c === "{") {
      // `= new Runnable() {` or `= {1, 2}` belongs to a field; any other block is a member of its own.
      if (depth === 0) insideInitializer = masked.slice(segmentStart, i).includes("=");
      depth++;
    } else if (c === "}") {
      if (depth === 0) break;
      depth--;
      if (depth === 0 && !insideInitializer) segmentStart = i + 1;
    } else if (c === ";" && depth === 0) {
      const visible = masked
        .slice(segmentStart, i + 1)
        .join("")
        .trim();
      if (visible !== ";") fields.push(stripComments(text.slice(segmentStart, i + 1)));
      segmentStart = i + 1;
    }
  }
  return fields.filter((f) => f !== "");
}

/** Method spans become spaces, so their bodies and `;` are not read as members. */
function blankMethods(source: string, methods: ExtractedMethod[], lineStarts: number[]): string {
  const out = source.split("");
  for (const m of methods) {
    const from = lineStarts[m.startLine - 1] ?? 0;
    const to = lineStarts[m.endLine] ?? out.length;
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  }
  return out.join("");
}

/** The `{` that opens the innermost block containing offset `at`. */
function findEnclosingOpen(masked: string[], at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (masked[i] === "}") depth++;
    else if (masked[i] === "{") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function stripComments(text: string): string {
  return maskJava(text, { literals: false }).replace(/\s+/g, " ").trim();
}
