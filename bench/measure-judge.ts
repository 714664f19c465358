import type { PromptTemplate } from "../src/judge/prompt-template.js";
import type { LlamaGpuSetting } from "../src/llm/get-llama-runtime.js";
import { type JudgeThroughput, measureJudgeThroughput } from "../test/model/judge-throughput.js";
import { buildRankingInputs, buildReviewInputs } from "../test/model/judge-workloads.js";
import { SHARED_PREFIX_TEMPLATE } from "./shared-prefix-template.js";

export interface JudgeBenchFigures {
  /** The review workload: distinct methods, DESIGN.md's template. */
  judge: JudgeThroughput;
  /** The ranking workload: candidates of the same methods that differ in the body. */
  judgeRanking: JudgeThroughput;
  /** The review workload under a template that opens with a shared instruction preamble. */
  judgePreamble: JudgeThroughput;
}

export interface JudgeBenchParams {
  modelPath: string;
  reviewMethods: number;
  rankingMethods: number;
  candidates: number;
  /** Undefined: the judge's own defaults (1 sequence on the CPU, 4 on a GPU), what the app runs. */
  sequences: number | undefined;
  contextSize: number | undefined;
  limitChunkTokens: number;
  rounds: number;
  /** Rounds of the preamble case, whose naive run evaluates the whole preamble per method. */
  preambleRounds: number;
  gpu: LlamaGpuSetting;
  onProgress: (message: string) => void;
}

/** The three judge workloads, each through the judge's own throughput measurement (naive, batched, limit). */
export async function measureJudge(p: JudgeBenchParams): Promise<JudgeBenchFigures> {
  const review = await buildReviewInputs(p.reviewMethods);
  const ranking = await buildRankingInputs(p.rankingMethods, p.candidates);
  const run = (label: string, inputs: typeof review, rounds: number, template?: PromptTemplate) => {
    p.onProgress(`judge ${label}: ${inputs.length} inputs, ${rounds} rounds`);
    return measureJudgeThroughput({
      modelPath: p.modelPath,
      inputs,
      rounds,
      limitChunkTokens: p.limitChunkTokens,
      gpu: p.gpu,
      onProgress: (m) => p.onProgress(`${label}: ${m}`),
      ...(p.sequences === undefined ? {} : { sequences: p.sequences }),
      ...(p.contextSize === undefined ? {} : { contextSize: p.contextSize }),
      ...(template === undefined ? {} : { template }),
    });
  };
  return {
    judge: await run("review", review, p.rounds),
    judgeRanking: await run("ranking", ranking, p.rounds),
    judgePreamble: await run("preamble", review, p.preambleRounds, SHARED_PREFIX_TEMPLATE),
  };
}
