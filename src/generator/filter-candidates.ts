import type { ExtractedMethod } from "../java/types.js";
import { dedent } from "./dedent.js";
import { maskJava } from "./mask-java.js";
import { normalizeJava } from "./normalize-java.js";
import type { Candidate, ExtractMethods, FilterResult, RejectedCandidate, RejectReason } from "./types.js";

export interface FilterCandidatesParams {
  /** The method the candidates should replace. */
  original: ExtractedMethod;
  /** Candidate texts (from extractCandidate), in generation order. */
  texts: string[];
  extractMethods: ExtractMethods;
}

type Check =
  | { ok: true; code: string; signature: string }
  | { ok: false; reason: RejectReason; detail: string };

/**
 * Keeps the candidates that parse as exactly one method with the original's name, kind, type
 * parameters, parameter types, return type and throws clause; merges whitespace-only duplicates
 * into the first one; drops a candidate that is the original again.
 */
export function filterCandidates(params: FilterCandidatesParams): FilterResult {
  const { original, texts, extractMethods } = params;
  const originalText = normalizeJava(dedent(original.text));
  const kept: Candidate[] = [];
  const byText = new Map<string, Candidate>();
  const rejected: RejectedCandidate[] = [];
  texts.forEach((text, index) => {
    const check = checkCandidate(text, original, extractMethods);
    if (!check.ok) {
      rejected.push({ index, reason: check.reason, detail: check.detail });
      return;
    }
    const normalized = normalizeJava(check.code);
    if (normalized === originalText) {
      rejected.push({ index, reason: "same-as-original", detail: "the candidate is the original method" });
      return;
    }
    const seen = byText.get(normalized);
    if (seen) {
      seen.sources.push(index);
      rejected.push({ index, reason: "duplicate", detail: `same as candidate ${seen.index}` });
      return;
    }
    const candidate: Candidate = { index, code: check.code, signature: check.signature, sources: [index] };
    byText.set(normalized, candidate);
    kept.push(candidate);
  });
  return { kept, rejected };
}

function checkCandidate(text: string, original: ExtractedMethod, extractMethods: ExtractMethods): Check {
  if (text.trim() === "") return { ok: false, reason: "empty", detail: "no code in the output" };
  const masked = maskJava(text);
  if (!balanced(masked)) return { ok: false, reason: "syntax-error", detail: "unbalanced brackets" };
  const wrapper = wrapperName(original.className);
  const lines = text.split("\n");
  // Line 1 is the wrapper's header, so candidate line k is line k + 1 of the parsed source.
  const source = `class ${wrapper} {\n${text}\n}\n`;
  const methods = extractMethods("Candidate.java", source);
  if (methods.some((m) => m.hasError)) {
    return { ok: false, reason: "syntax-error", detail: "the method does not parse" };
  }
  const own = methods.filter((m) => m.className === wrapper);
  const method = own[0];
  if (own.length !== 1 || !method) {
    return { ok: false, reason: "not-one-method", detail: `${own.length} methods in the output` };
  }
  const first = method.startLine - 2;
  const last = method.endLine - 2;
  const maskedLines = masked.split("\n");
  const outside = [...maskedLines.slice(0, first), ...maskedLines.slice(last + 1)];
  const lastLine = maskedLines[last] ?? "";
  if (outside.some((l) => l.trim() !== "") || !/[};]\s*$/.test(lastLine)) {
    return { ok: false, reason: "not-one-method", detail: "code outside the method" };
  }
  const difference = signatureDifference(method, original);
  if (difference) return { ok: false, reason: "different-signature", detail: difference };
  return { ok: true, code: dedent(lines.slice(first, last + 1).join("\n")), signature: method.signature };
}

/** The simple name of the innermost class, so a constructor candidate parses as a constructor. */
function wrapperName(className: string): string {
  const last = className.split(".").at(-1) ?? "";
  return /^[A-Za-z_$][\w$]*$/.test(last) ? last : "JudgeCandidate";
}

function balanced(masked: string): boolean {
  const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  const stack: string[] = [];
  for (const c of masked) {
    if (c === "(" || c === "[" || c === "{") stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0;
}

function signatureDifference(candidate: ExtractedMethod, original: ExtractedMethod): string | undefined {
  const compact = (s: string | null) => (s ?? "").replace(/\s+/g, "");
  const fields: [string, string, string][] = [
    ["kind", candidate.kind, original.kind],
    ["name", candidate.name, original.name],
    ["type parameters", compact(candidate.typeParameters), compact(original.typeParameters)],
    ["parameter types", candidate.parameterTypes.join(", "), original.parameterTypes.join(", ")],
    ["return type", compact(candidate.returnType), compact(original.returnType)],
    ["throws", [...candidate.throws].sort().join(", "), [...original.throws].sort().join(", ")],
  ];
  const diff = fields.find(([, got, want]) => got !== want);
  return diff ? `${diff[0]} "${diff[1]}", expected "${diff[2]}"` : undefined;
}
