import { UsageError } from "../errors.js";
import { DEFAULT_FIX_PATTERN } from "./collect-fix-examples.js";

export type DatasetSource =
  | { kind: "mutants" }
  | { kind: "fixes" }
  | { kind: "feedback" }
  | { kind: "file"; path: string };

/** `--from` values, each possibly comma-separated: known names, else a JSONL path. Repeats are merged. */
export function parseSources(values: readonly string[]): DatasetSource[] {
  const sources: DatasetSource[] = [];
  const seen = new Set<string>();
  for (const item of values.flatMap((v) => v.split(",")).map((v) => v.trim())) {
    if (item === "")
      throw new UsageError("--from: empty source; pass mutants, fixes, feedback or a FILE.jsonl");
    if (seen.has(item)) continue;
    seen.add(item);
    if (item === "mutants" || item === "fixes" || item === "feedback") sources.push({ kind: item });
    else sources.push({ kind: "file", path: item });
  }
  if (sources.length === 0)
    throw new UsageError("--from: no source; pass mutants, fixes, feedback or a FILE.jsonl");
  return sources;
}

/** `--split a,b,c`: three non-negative numbers (train, valid, test) that sum to 1. */
export function parseSplit(text: string): [number, number, number] {
  const parts = text.split(",").map((p) => p.trim());
  const numbers = parts.map((p) => (/^\d*\.?\d+(e-?\d+)?$/i.test(p) ? Number(p) : Number.NaN));
  const [train, valid, test] = numbers;
  if (
    numbers.length !== 3 ||
    train === undefined ||
    valid === undefined ||
    test === undefined ||
    numbers.some((n) => !Number.isFinite(n)) ||
    Math.abs(train + valid + test - 1) > 1e-9
  ) {
    throw new UsageError(
      `--split ${JSON.stringify(text)}: expected three non-negative numbers (train, valid, test) that sum to 1, e.g. 0.8,0.1,0.1`,
    );
  }
  return [train, valid, test];
}

/** `--fix-pattern`: a JavaScript regular expression, matched case-insensitively against commit messages. */
export function parseFixPattern(text: string = DEFAULT_FIX_PATTERN): RegExp {
  try {
    return new RegExp(text, "i");
  } catch (error) {
    throw new UsageError(
      `--fix-pattern ${JSON.stringify(text)}: not a valid regular expression (${(error as Error).message})`,
    );
  }
}

/** A whole number in [min, max] given on the command line. */
export function parseCount(text: string, option: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} ${JSON.stringify(text)}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}
