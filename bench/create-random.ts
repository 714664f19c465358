import { mulberry32 } from "../src/dataset/create-random.js";

/** Seedable, the same numbers on every machine, so corpora and fuzz inputs are reproducible. */
export const createRandom: (seed: number) => () => number = mulberry32;

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
