import { parseArgs } from "node:util";
import { UsageError } from "../src/errors.js";

export interface BenchOptions {
  json: boolean;
  quick: boolean;
  sections: Set<Section>;
  corpusBytes: number;
  judgeMethods: number;
  /** Interleaved repetitions of the judge runs; each run's fastest counts. */
  rounds: number;
  /** Sequences of the batched judge; undefined: the judge's default (what the app runs). */
  sequences: number | undefined;
  contextSize: number | undefined;
  /** The limit's stream is cut into chunks of this many tokens (llama.cpp's batch: the CPU's best cut). */
  limitChunkTokens: number;
  /** The ranking workload: candidates of each of this many methods. */
  rankingMethods: number;
  candidates: number;
  /** "bench": the ~14M-parameter generated model; "small": the tests' tiny one. */
  judgeModel: "bench" | "small";
  deliveries: number;
  concurrency: number;
  incrementalMethods: number;
}

export const SECTIONS = ["extraction", "judge", "webhook", "incremental"] as const;
export type Section = (typeof SECTIONS)[number];

/** `npm run bench -- [--json] [--quick] [--only a,b] [sizes]`; --quick shrinks every size for a smoke run. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      "corpus-mb": { type: "string" },
      "judge-methods": { type: "string" },
      rounds: { type: "string" },
      sequences: { type: "string" },
      "context-size": { type: "string" },
      "limit-chunk": { type: "string" },
      "ranking-methods": { type: "string" },
      candidates: { type: "string" },
      "judge-model": { type: "string" },
      deliveries: { type: "string" },
      concurrency: { type: "string" },
      "incremental-methods": { type: "string" },
    },
    strict: true,
  });
  const quick = values.quick === true;
  const sections = new Set<Section>(values.only ? values.only.split(",").map(toSection) : SECTIONS);
  const model = values["judge-model"] ?? (quick ? "small" : "bench");
  if (model !== "bench" && model !== "small")
    throw new UsageError(`--judge-model must be bench or small, got "${model}"`);
  return {
    json: values.json === true,
    quick,
    sections,
    corpusBytes: Math.round(num(values["corpus-mb"], quick ? 0.15 : 4, "--corpus-mb") * 1e6),
    judgeMethods: int(values["judge-methods"], quick ? 6 : 32, "--judge-methods"),
    rounds: int(values.rounds, quick ? 1 : 3, "--rounds"),
    sequences: values.sequences === undefined ? undefined : int(values.sequences, 4, "--sequences"),
    contextSize:
      values["context-size"] === undefined ? undefined : int(values["context-size"], 0, "--context-size"),
    limitChunkTokens: int(values["limit-chunk"], 512, "--limit-chunk"),
    rankingMethods: int(values["ranking-methods"], quick ? 2 : 4, "--ranking-methods"),
    candidates: int(values.candidates, quick ? 3 : 8, "--candidates"),
    judgeModel: model,
    deliveries: int(values.deliveries, quick ? 40 : 200, "--deliveries"),
    concurrency: int(values.concurrency, quick ? 10 : 50, "--concurrency"),
    incrementalMethods: int(values["incremental-methods"], quick ? 5 : 40, "--incremental-methods"),
  };
}

function toSection(s: string): Section {
  const t = s.trim();
  if ((SECTIONS as readonly string[]).includes(t)) return t as Section;
  throw new UsageError(`--only takes ${SECTIONS.join(", ")}; got "${t}"`);
}

function num(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}"`);
  return n;
}

function int(raw: string | undefined, fallback: number, flag: string): number {
  const n = num(raw, fallback, flag);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number, got "${raw}"`);
  return n;
}
