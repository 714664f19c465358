import { UsageError } from "../errors.js";

/** A CLI option that must be a number in [0, 1]. */
export function parseProbabilityOption(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`${option} must be a number between 0 and 1, got ${JSON.stringify(value)}`);
  }
  return n;
}
