// Judge throughput on a generated model: naive (one sequence, every prompt evaluated whole) against batched
// (several sequences in one llama.cpp batch, shared prefixes reused). Run: npx tsx test/model/measure-judge-throughput.ts
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import type { JudgeInput } from "../../src/judge/types.js";
import { loadModel } from "../../src/llm/load-model.js";
import { makeJudgeInputs } from "./judge-fixtures.js";
import { BENCH_MODEL_PARAMS, writeTinyGguf } from "./write-tiny-gguf.js";

export interface ThroughputRun {
  seconds: number;
  methodsPerS: number;
  promptTokens: number;
  evaluatedTokens: number;
  evaluatedTokensPerS: number;
}

export interface ThroughputParams {
  inputs: JudgeInput[];
  modelPath?: string;
  sequences?: number;
  threads?: number;
}

export async function measureJudgeThroughput(
  params: ThroughputParams,
): Promise<{ naive: ThroughputRun; batched: ThroughputRun; speedup: number }> {
  const model = await loadModel({
    path: params.modelPath ?? (await writeTinyGguf({ ...BENCH_MODEL_PARAMS })),
    gpu: false,
  });
  const run = async (sequences: number, reusePrefix: boolean): Promise<ThroughputRun> => {
    const judge = await createModelJudge({
      model,
      sequences,
      reusePrefix,
      contextSize: 2048,
      ...(params.threads ? { threads: params.threads } : {}),
    });
    await judge.score(params.inputs.slice(0, 1)); // warm-up; counted out below
    const before = judge.stats();
    const started = performance.now();
    if (sequences === 1 && !reusePrefix) for (const input of params.inputs) await judge.score([input]);
    else await judge.score(params.inputs);
    const seconds = (performance.now() - started) / 1000;
    const s = judge.stats();
    await judge.dispose();
    const evaluatedTokens = s.evaluatedTokens - before.evaluatedTokens;
    return {
      seconds,
      methodsPerS: params.inputs.length / seconds,
      promptTokens: s.promptTokens - before.promptTokens,
      evaluatedTokens,
      evaluatedTokensPerS: evaluatedTokens / seconds,
    };
  };
  const naive = await run(1, false);
  const batched = await run(params.sequences ?? 8, true);
  await model.dispose();
  return { naive, batched, speedup: naive.seconds / batched.seconds };
}

/** Candidates of one method share its description and signature: the ranking workload. */
export function makeCandidateInputs(methods: number, candidates: number): JudgeInput[] {
  return makeJudgeInputs(methods).flatMap((m) =>
    Array.from({ length: candidates }, (_, k) => ({
      ...m,
      code: m.code.replace("return total;", `return total + ${k};`),
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const threads = Number(process.env.LLAMA_THREADS ?? 0) || undefined;
  const review = await measureJudgeThroughput({
    inputs: makeJudgeInputs(32),
    ...(threads ? { threads } : {}),
  });
  const ranking = await measureJudgeThroughput({
    inputs: makeCandidateInputs(4, 8),
    ...(threads ? { threads } : {}),
  });
  process.stdout.write(`${JSON.stringify({ review, ranking }, null, 2)}\n`);
}
