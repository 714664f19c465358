import { createHash } from "node:crypto";
import { collapseWhitespace } from "../java/method-key.js";
import { hashUnit } from "./create-random.js";
import { type DatasetExample, type DatasetLine, SPLITS, type SplitName } from "./types.js";

export interface BuildDatasetParams {
  /** Examples from every source, in the order the sources were given. */
  examples: readonly DatasetExample[];
  /** Fractions of method keys for train, valid, test (non-negative, sum 1). */
  split: readonly [number, number, number];
  seed: number;
}

export interface SplitStats {
  examples: number;
  keys: number;
  label0: number;
  label1: number;
}

export interface BuiltDataset {
  splits: Record<SplitName, DatasetLine[]>;
  /** Examples whose code (whitespace collapsed) and label an earlier example already had. */
  duplicates: number;
  /** Examples dropped because the same code also came with the other label (all of them). */
  conflicting: number;
  /** Distinct codes that had both labels. */
  conflictingCodes: number;
  bySource: Record<string, number>;
  byLabel: { "0": number; "1": number };
  bySplit: Record<SplitName, SplitStats>;
}

/**
 * Deduplicates and splits. Same code and label: kept once (the first). Same code with both labels: every
 * copy dropped, since either label would teach the judge a guess. Each method key lands in one split by a
 * seeded hash of the key alone, so a method and its mutants or versions never straddle two splits, and a
 * method keeps its split when the repository grows.
 */
export function buildDataset(params: BuildDatasetParams): BuiltDataset {
  const { examples, split, seed } = params;
  const byCode = new Map<string, { labels: Set<0 | 1>; first: DatasetExample[] }>();
  let duplicates = 0;
  for (const example of examples) {
    const code = collapseWhitespace(example.code);
    const entry = byCode.get(code) ?? { labels: new Set(), first: [] };
    if (entry.labels.has(example.label)) duplicates++;
    else {
      entry.labels.add(example.label);
      entry.first.push(example);
    }
    byCode.set(code, entry);
  }
  let conflicting = 0;
  let conflictingCodes = 0;
  const kept = new Set<DatasetExample>();
  for (const entry of byCode.values()) {
    if (entry.labels.size > 1) {
      conflictingCodes++;
      continue;
    }
    for (const example of entry.first) kept.add(example);
  }
  // Every copy of a conflicting code counts, duplicates included: none of them is in the output.
  for (const example of examples) {
    const entry = byCode.get(collapseWhitespace(example.code));
    if (entry && entry.labels.size > 1) conflicting++;
  }
  const splits: Record<SplitName, DatasetLine[]> = { train: [], valid: [], test: [] };
  const keys: Record<SplitName, Set<string>> = { train: new Set(), valid: new Set(), test: new Set() };
  const bySource: Record<string, number> = {};
  const byLabel = { "0": 0, "1": 0 };
  const placed = new Map<string, SplitName>();
  for (const example of examples) {
    if (!kept.has(example)) continue;
    let name = placed.get(example.key);
    if (!name) {
      name = splitOf(hashUnit(seed, example.key), split);
      placed.set(example.key, name);
    }
    splits[name].push(toLine(example));
    keys[name].add(example.key);
    bySource[example.source] = (bySource[example.source] ?? 0) + 1;
    byLabel[example.label === 1 ? "1" : "0"]++;
  }
  const bySplit = Object.fromEntries(
    SPLITS.map((name) => [
      name,
      {
        examples: splits[name].length,
        keys: keys[name].size,
        label0: splits[name].filter((l) => l.label === 0).length,
        label1: splits[name].filter((l) => l.label === 1).length,
      },
    ]),
  ) as Record<SplitName, SplitStats>;
  return {
    splits,
    duplicates,
    conflicting,
    conflictingCodes,
    bySource: sortKeys(bySource),
    byLabel,
    bySplit,
  };
}

function splitOf(u: number, [train, valid]: readonly [number, number, number]): SplitName {
  if (u < train) return "train";
  if (u < train + valid) return "valid";
  return "test";
}

/** The id is the hash of label and code: unique after deduplication, stable across runs and seeds. */
function toLine(example: DatasetExample): DatasetLine {
  const id = createHash("sha256").update(`${example.label}\n${example.code}`).digest("hex").slice(0, 16);
  const { task, code, label, key, source } = example;
  return { id, task, code, label, key, source };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** JSON lines, keys in the contract's order. */
export function renderDatasetLines(lines: readonly DatasetLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join("");
}
