import type { MethodOutcome } from "../../../src/review/types.js";

/** A MethodOutcome with defaults; override what a test is about. */
export function outcome(
  over: Partial<MethodOutcome> & { score?: number; skipped?: string } = {},
): MethodOutcome {
  const { score, skipped, ...rest } = over;
  const result: MethodOutcome["result"] =
    skipped !== undefined
      ? { kind: "skipped", reason: skipped }
      : { kind: "scored", score: score ?? 0.9, flagged: (score ?? 0.9) < 0.5 };
  return {
    path: "src/main/java/a/Calc.java",
    key: "src/main/java/a/Calc.java:a.Calc#add(int,int)",
    hash: "aaaa",
    name: "add",
    className: "Calc",
    signature: "public int add(int a, int b)",
    startLine: 10,
    endLine: 12,
    change: "added",
    hasJavadoc: true,
    result,
    ...rest,
  };
}
