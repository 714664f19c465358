// Judge throughput on a generated ~14M-parameter model, both workloads, as JSON. Run:
//   npx tsx test/model/measure-judge-throughput.ts   (env: WORKLOAD, SEQUENCES, LLAMA_THREADS,
//   LIMIT_CHUNK, ROUNDS, METHODS)
import type { JudgeInput } from "../../src/judge/types.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { measureJudgeThroughput } from "./judge-throughput.js";
import { buildRankingInputs, buildReviewInputs } from "./judge-workloads.js";
import { BENCH_MODEL_PARAMS, writeTinyGguf } from "./write-tiny-gguf.js";

export {
  type JudgeThroughput,
  type JudgeThroughputParams,
  measureJudgeThroughput,
} from "./judge-throughput.js";

/** Synthetic candidates of one method that differ only near the end: the most prefix reuse a ranking can get. */
export function makeCandidateInputs(methods: number, candidates: number): JudgeInput[] {
  return makeJudgeInputs(methods).flatMap((m) =>
    Array.from({ length: candidates }, (_, k) => ({
      ...m,
      code: m.code.replace("return total;", `return total + ${k};`),
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = (name: string) => Number(process.env[name] ?? "") || undefined;
  const options = {
    modelPath: await writeTinyGguf({ ...BENCH_MODEL_PARAMS }),
    contextSize: 2048,
    ...(env("SEQUENCES") ? { sequences: env("SEQUENCES") as number } : {}),
    ...(env("LLAMA_THREADS") ? { threads: env("LLAMA_THREADS") as number } : {}),
    ...(env("LIMIT_CHUNK") ? { limitChunkTokens: env("LIMIT_CHUNK") as number } : {}),
    rounds: env("ROUNDS") ?? 3,
    onProgress: (m: string) => process.stderr.write(`${m}\n`),
  };
  const only = process.env.WORKLOAD; // review or ranking; both when unset
  const result: Record<string, unknown> = {};
  if (only !== "ranking")
    result.review = await measureJudgeThroughput({
      ...options,
      inputs: await buildReviewInputs(env("METHODS") ?? 32),
    });
  if (only !== "review")
    result.ranking = await measureJudgeThroughput({ ...options, inputs: await buildRankingInputs(4, 8) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
