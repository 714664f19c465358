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
  /** `--sequences 1,2,4`: one realistic judge run per count (a sweep); undefined: the judge's default. */
  sequenceSweep: number[] | undefined;
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
  /** "qwen2-0.5b": Qwen2.5-Coder-0.5B's shape (~530 MB, cached); "tiny": a tiny qwen2 (smoke runs). */
  realisticModel: "qwen2-0.5b" | "tiny";
  /** Review-workload methods of the realistic judge runs (undefined: 3 on the CPU, 32 on a GPU). */
  realisticMethods: number | undefined;
  /** Realistic rounds (judge and limit interleaved); undefined: 2 on the CPU, 3 on a GPU. */
  realisticRounds: number | undefined;
  /** llama.cpp's batch of the realistic judge (all sequences together); undefined: node-llama-cpp's (512). */
  batchSize: number | undefined;
  completions: number;
  /** Tokens per completion of the realistic generator; undefined: 32 on the CPU, 128 on a GPU. */
  completionTokens: number | undefined;
  /** train-realistic: training examples (one epoch); undefined: 8 on the CPU, 128 with a GPU. */
  trainExamples: number | undefined;
  /** train-realistic: the batch; undefined: 4 on the CPU, 16 with a GPU. */
  trainBatch: number | undefined;
  /** The fairness section's judge: "qwen2-0.5b" (the realistic shape), "bench" (~14M) or "tiny". */
  fairnessModel: "qwen2-0.5b" | "bench" | "tiny";
  /** Methods of the fairness section's large pull request. */
  fairnessMethods: number;
  /** Methods a review judges per turn while others wait; undefined: the app's (REVIEW_SLICE_METHODS). */
  sliceMethods: number | undefined;
}

export const SECTIONS = [
  "extraction",
  "judge",
  "webhook",
  "incremental",
  "realistic",
  "explain",
  "train-realistic",
  "fairness",
] as const;
export type Section = (typeof SECTIONS)[number];
/** What runs without --only: the realistic model, training and fairness take minutes on a CPU, so they are asked for by name. */
const DEFAULT_SECTIONS: Section[] = ["extraction", "judge", "webhook", "incremental"];

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
      "realistic-model": { type: "string" },
      "realistic-methods": { type: "string" },
      "realistic-rounds": { type: "string" },
      completions: { type: "string" },
      "batch-size": { type: "string" },
      "completion-tokens": { type: "string" },
      "train-examples": { type: "string" },
      "train-batch": { type: "string" },
      "fairness-model": { type: "string" },
      "fairness-methods": { type: "string" },
      "slice-methods": { type: "string" },
    },
    strict: true,
  });
  const quick = values.quick === true;
  const sections = new Set<Section>(values.only ? values.only.split(",").map(toSection) : DEFAULT_SECTIONS);
  const model = values["judge-model"] ?? (quick ? "small" : "bench");
  if (model !== "bench" && model !== "small")
    throw new UsageError(`--judge-model must be bench or small, got "${model}"`);
  const realisticModel = values["realistic-model"] ?? (quick ? "tiny" : "qwen2-0.5b");
  if (realisticModel !== "qwen2-0.5b" && realisticModel !== "tiny")
    throw new UsageError(`--realistic-model must be qwen2-0.5b or tiny, got "${realisticModel}"`);
  const fairnessModel = values["fairness-model"] ?? (quick ? "tiny" : "qwen2-0.5b");
  if (fairnessModel !== "qwen2-0.5b" && fairnessModel !== "bench" && fairnessModel !== "tiny")
    throw new UsageError(`--fairness-model must be qwen2-0.5b, bench or tiny, got "${fairnessModel}"`);
  const sequenceSweep = values.sequences?.split(",").map((s) => int(s.trim(), 1, "--sequences"));
  if (sequenceSweep !== undefined && sequenceSweep.length > 1 && sections.has("judge"))
    throw new UsageError(
      "a list of --sequences is a sweep of the realistic judge: use it with --only realistic",
    );
  const optionalInt = (flag: keyof typeof values): number | undefined => {
    const raw = values[flag];
    return typeof raw === "string" ? int(raw, 1, `--${flag}`) : undefined;
  };
  return {
    json: values.json === true,
    quick,
    sections,
    corpusBytes: Math.round(num(values["corpus-mb"], quick ? 0.15 : 4, "--corpus-mb") * 1e6),
    judgeMethods: int(values["judge-methods"], quick ? 6 : 32, "--judge-methods"),
    rounds: int(values.rounds, quick ? 1 : 3, "--rounds"),
    sequences: sequenceSweep?.[0],
    sequenceSweep,
    contextSize:
      values["context-size"] === undefined ? undefined : int(values["context-size"], 0, "--context-size"),
    limitChunkTokens: int(values["limit-chunk"], 512, "--limit-chunk"),
    rankingMethods: int(values["ranking-methods"], quick ? 2 : 4, "--ranking-methods"),
    candidates: int(values.candidates, quick ? 3 : 8, "--candidates"),
    judgeModel: model,
    deliveries: int(values.deliveries, quick ? 40 : 200, "--deliveries"),
    concurrency: int(values.concurrency, quick ? 10 : 50, "--concurrency"),
    incrementalMethods: int(values["incremental-methods"], quick ? 5 : 40, "--incremental-methods"),
    realisticModel,
    realisticMethods: optionalInt("realistic-methods") ?? (quick ? 2 : undefined),
    realisticRounds: optionalInt("realistic-rounds") ?? (quick ? 1 : undefined),
    batchSize: optionalInt("batch-size"),
    completions: int(values.completions, quick ? 1 : 3, "--completions"),
    completionTokens: optionalInt("completion-tokens") ?? (quick ? 8 : undefined),
    trainExamples: optionalInt("train-examples") ?? (quick ? 4 : undefined),
    trainBatch: optionalInt("train-batch") ?? (quick ? 2 : undefined),
    fairnessModel,
    fairnessMethods: int(values["fairness-methods"], quick ? 12 : 30, "--fairness-methods"),
    sliceMethods: optionalInt("slice-methods"),
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
