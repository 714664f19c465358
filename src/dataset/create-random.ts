import { createHash } from "node:crypto";

/** mulberry32: a seedable generator of numbers in [0, 1), the same numbers on every machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * mulberry32 seeded by hashing its parts: one stream per method, so a method's mutants depend on the seed and its
 * key alone, not on which other methods were read before it.
 */
export function createRandom(...parts: Array<string | number>): () => number {
  return mulberry32(createHash("sha256").update(parts.join("\0")).digest().readUInt32LE(0));
}

/** A point in [0, 1) fixed by its parts: where a method key falls decides its split. */
export function hashUnit(...parts: Array<string | number>): number {
  return createHash("sha256").update(parts.join("\0")).digest().readUInt32LE(0) / 4294967296;
}

/** Fisher-Yates in place, driven by `random`. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
