// What explaining a flagged method costs (`--only explain`): occlusion variants on the judge as the app runs it.
import { repoConfigSchema } from "../src/config/repo-config-schema.js";
import { explainMethods } from "../src/explain/explain-methods.js";
import { createModelJudge } from "../src/judge/create-model-judge.js";
import type { LlamaGpuSetting } from "../src/llm/get-llama-runtime.js";
import { loadModel } from "../src/llm/load-model.js";
import { buildReviewInputs } from "../test/model/judge-workloads.js";

export interface ExplainBenchParams {
  modelPath: string;
  /** Review-workload methods explained (each treated as flagged). */
  methods: number;
  contextSize: number;
  gpu: LlamaGpuSetting;
  onProgress: (message: string) => void;
}

export interface ExplainFigures {
  methods: number;
  /** `explain.max_lines` and `explain.max_methods` as the repo config defaults them. */
  maxLines: number;
  maxMethods: number;
  linesTried: number;
  /** Tokens of the variants' prompts: what evaluating each variant whole would cost (no prefix reuse). */
  promptTokensPerMethod: number;
  /** Tokens the judge evaluated per explained method, with prefix reuse (the app's default). */
  evaluatedTokensPerMethod: number;
  /** evaluated / prompt tokens: the share prefix reuse leaves. */
  reuseRatio: number;
  secondsPerMethod: number;
  /** Evaluated tokens per line tried (one variant), and the explanation's evaluated tokens per second. */
  evaluatedTokensPerLine: number;
  tokensPerS: number;
  /**
   * The worst case the default bounds allow, at this machine's rate: `max_methods` methods of `max_lines` lines each,
   * each line costing `evaluatedTokensPerLine` (long methods cost more per line: the tokens after it).
   */
  boundSeconds: number;
  /** Scoring the same methods once (what the review itself spends on each). */
  scoreSecondsPerMethod: number;
  /** explain / (score + explain) of a review in which every judged method is flagged and explained. */
  shareOfReview: number;
  /**
   * A review of 20 methods, all flagged, with the default bounds: 20 scored, `max_methods` explained, in seconds, against
   * the default review budget (JOB_TIMEOUT_REVIEW_S, 900 s).
   */
  review20FlaggedSeconds: number;
  sequences: number;
}

export async function measureExplain(p: ExplainBenchParams): Promise<ExplainFigures> {
  const defaults = repoConfigSchema.parse({}).explain;
  const llm = await loadModel({ path: p.modelPath, gpu: p.gpu });
  try {
    const judge = await createModelJudge({ model: llm, contextSize: p.contextSize });
    try {
      const inputs = await buildReviewInputs(p.methods);
      // The first call pays for the context's warm-up: not the methods' cost.
      await judge.score([
        { description: "Warm up.", signature: "void f()", code: "void f() {}", className: "W", name: "f" },
      ]);
      p.onProgress(`explain: scoring ${inputs.length} methods`);
      let started = performance.now();
      const scored = await judge.score(inputs);
      const scoreSeconds = (performance.now() - started) / 1000;
      const targets = inputs.map((input, i) => {
        const r = scored[i];
        return { input, startLine: 1, score: r?.kind === "scored" ? r.score : 0 };
      });
      p.onProgress(`explain: ${targets.length} methods, up to ${defaults.max_lines} lines each`);
      const before = judge.stats();
      started = performance.now();
      // One method at a time, as the review explains them.
      let linesTried = 0;
      for (const t of targets) {
        const [e] = await explainMethods({ judge, targets: [t], maxLines: defaults.max_lines });
        if (e?.kind === "explained") linesTried += e.lines.length;
      }
      const seconds = (performance.now() - started) / 1000;
      const after = judge.stats();
      const n = targets.length;
      const promptTokens = after.promptTokens - before.promptTokens;
      const evaluated = after.evaluatedTokens - before.evaluatedTokens;
      const secondsPerMethod = seconds / n;
      const scoreSecondsPerMethod = scoreSeconds / n;
      return {
        methods: n,
        maxLines: defaults.max_lines,
        maxMethods: defaults.max_methods,
        linesTried,
        promptTokensPerMethod: promptTokens / n,
        evaluatedTokensPerMethod: evaluated / n,
        reuseRatio: evaluated / promptTokens,
        secondsPerMethod,
        evaluatedTokensPerLine: evaluated / Math.max(1, linesTried),
        tokensPerS: evaluated / seconds,
        boundSeconds:
          (defaults.max_methods * defaults.max_lines * (evaluated / Math.max(1, linesTried))) /
          (evaluated / seconds),
        scoreSecondsPerMethod,
        shareOfReview: secondsPerMethod / (scoreSecondsPerMethod + secondsPerMethod),
        review20FlaggedSeconds:
          20 * scoreSecondsPerMethod + Math.min(20, defaults.max_methods) * secondsPerMethod,
        sequences: (await import("../src/llm/create-next-token-evaluator.js")).defaultSequences(llm),
      };
    } finally {
      await judge.dispose();
    }
  } finally {
    await llm.dispose();
  }
}
