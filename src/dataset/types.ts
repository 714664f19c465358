/** The mutation operators, PIT's defaults first, then negated conditionals, then BugLab's rewrites. */
export const MUTATION_OPERATORS = [
  "conditionals-boundary",
  "increments",
  "invert-negatives",
  "math",
  "return-values",
  "void-method-call",
  "negate-conditional",
  "swap-arguments",
  "replace-variable",
  "change-literal",
  "change-boolean-operator",
] as const;

export type MutationOperator = (typeof MUTATION_OPERATORS)[number];

/** One way to rewrite a method: replace the text in [start, end) of its code by `replacement`. */
export interface Mutation {
  operator: MutationOperator;
  start: number;
  end: number;
  replacement: string;
}

/** One labelled example before deduplication and splitting. */
export interface DatasetExample {
  /** The Javadoc text, or null. */
  task: string | null;
  /** One whole method, continuation lines dedented as the judge reads it. */
  code: string;
  /** 1 = correct, 0 = incorrect. */
  label: 0 | 1;
  /** The method key (path:Class#name(types)): examples sharing it land in one split. */
  key: string;
  /** Where the label comes from: `original`, `mutant:math`, `fix:before`, `feedback:reaction:-1`, ... */
  source: string;
}

/** A line of train.jsonl, valid.jsonl and test.jsonl: eval's format plus `key` and `source`. */
export interface DatasetLine {
  id: string;
  task: string | null;
  code: string;
  label: 0 | 1;
  key: string;
  source: string;
}

export const SPLITS = ["train", "valid", "test"] as const;
export type SplitName = (typeof SPLITS)[number];
