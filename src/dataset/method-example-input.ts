import type { ExtractedMethod } from "../java/types.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";

/** A method that can be an example: it has a body and parses without error. */
export function isExampleMethod(method: ExtractedMethod): boolean {
  return !method.hasError && method.text.trimEnd().endsWith("}");
}

/** The task and code of a method's examples: exactly what the judge reads about it at review time. */
export function methodExampleInput(method: ExtractedMethod): { task: string | null; code: string } {
  const input = judgeInputFromMethod(method);
  return { task: input.description, code: input.code };
}
