import { createHash } from "node:crypto";

export interface SplitRatios {
  train: number;
  valid: number;
  test: number;
}

export interface Splits<T> {
  train: T[];
  valid: T[];
  test: T[];
}

/**
 * Splits items into train, valid and test by group key, so a method and its mutants never land in two splits (as
 * `java-judge dataset` does). The order of groups is fixed by the seed alone (a hash of seed and key), whatever the
 * input order. With 3 groups or more, valid and test get at least one group each when their ratio is above 0.
 */
export function splitByKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  ratios: SplitRatios,
  seed: number,
): Splits<T> {
  const rank = (key: string) => createHash("sha256").update(`${seed}\0${key}`).digest("hex");
  const keys = [...new Set(items.map(keyOf))]
    .map((key) => ({ key, rank: rank(key) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((k) => k.key);
  const total = ratios.train + ratios.valid + ratios.test;
  const share = (ratio: number) => {
    if (ratio <= 0) return 0;
    const n = Math.round((keys.length * ratio) / total);
    return keys.length >= 3 ? Math.max(1, n) : n;
  };
  const nTest = share(ratios.test);
  const nValid = share(ratios.valid);
  const splitOf = new Map<string, keyof Splits<T>>(
    keys.map((key, i) => [key, i < nTest ? "test" : i < nTest + nValid ? "valid" : "train"]),
  );
  // Each split keeps the input's order.
  const out: Splits<T> = { train: [], valid: [], test: [] };
  for (const item of items) out[splitOf.get(keyOf(item)) ?? "train"].push(item);
  return out;
}
