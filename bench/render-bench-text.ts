import type { TrainRealisticFigures } from "./measure-train-realistic.js";

type Figures = Record<string, number | undefined>;

const f = (n: number | null | undefined, digits = 2) =>
  n === undefined || n === null ? "-" : n.toFixed(digits);
const goal = (ok: boolean) => (ok ? "goal met" : "goal MISSED");

/** The human-readable form of the bench result, with each goal of BENCHMARKS.md met or missed. */
export function renderBenchText(result: Record<string, unknown>): string {
  const r = result as Record<string, Figures | undefined>;
  const lines: string[] = [];
  const m = result.machine as Record<string, unknown>;
  const during = m.loadAverageDuring as Figures | undefined;
  lines.push(
    `machine: ${m.cpu}, ${m.cores} cores, load ${f(m.loadAverageAtStart as number)} at start` +
      `${during ? ` (${f(during.min, 1)}-${f(during.max, 1)} during)` : ""}, LLAMA_GPU=${m.llamaGpu}`,
  );
  const e = r.extraction;
  if (e) {
    const ok = (e.oursMBps ?? 0) >= 4 && (e.ratio ?? 0) >= 5;
    lines.push(
      `extraction  ${f((e.corpusBytes ?? 0) / 1e6)} MB, ${e.files} files, ${e.methods} methods: ours ${f(e.oursMBps)} MB/s, java-parser ${f(e.javaParserMBps)} MB/s, ${f(e.ratio, 1)}x  (${goal(ok)}: >= 4 MB/s, >= 5x)`,
      `            tree-sitter parse alone ${f(e.parseOnlyMBps)} MB/s (the ceiling), ${f((e.extractShare ?? 0) * 100, 0)}% of our time outside the parse`,
    );
  }
  const j = r.judge;
  if (j) {
    const ok = (j.speedupVsNaive ?? 0) >= 3 && (j.fractionOfLimit ?? 0) >= 0.8;
    lines.push(`judge       review: ${renderJudge(j)}  (${goal(ok)}: >= 3x, >= 80%)`);
  }
  const ranking = r.judgeRanking;
  if (ranking) lines.push(`            ranking: ${renderJudge(ranking)}`);
  const preamble = r.judgePreamble;
  if (preamble) lines.push(`            shared preamble: ${renderJudge(preamble)}`);
  const w = r.webhook;
  if (w) {
    const ok =
      (w.p99Ms ?? Number.POSITIVE_INFINITY) < 100 && w.accepted === w.deliveries && w.jobs === w.deliveries;
    lines.push(
      `webhook     ${w.deliveries} deliveries at ${w.concurrency}: p50 ${f(w.p50Ms, 1)} ms, p99 ${f(w.p99Ms, 1)} ms, ${w.accepted} 2xx, ${w.jobs} jobs, server peak RSS ${f(w.serverPeakRssMB, 0)} MB  (${goal(ok)}: p99 < 100 ms, one job each)`,
      `            CPU per delivery: server ${f(w.serverCpuMsPerDelivery)} ms, load generator ${f(w.clientCpuMsPerDelivery)} ms`,
    );
  }
  const i = r.incremental;
  if (i) {
    lines.push(
      `incremental ${i.methods} changed methods, re-push changing ${i.changed}: ${i.modelEvaluations} model evaluations  (${goal(i.modelEvaluations === i.changed)}: = changed)`,
    );
  }
  const real = result.realistic as
    | { params: number; peakRssMB: number; judge: Figures; generator: Figures }
    | undefined;
  if (real) {
    const { judge: j, generator: g } = real;
    lines.push(
      `realistic   ${f(real.params / 1e6, 1)}M params, ${j.methods} methods, ${j.sequences} sequence(s), ${j.threads} thread(s): judge ${f(j.methodsPerS, 3)} methods/s, ${f(j.tokensPerS, 1)} tok/s, limit ${f(j.limitTokensPerS, 1)} tok/s, ${f((j.fractionOfLimit ?? 0) * 100, 0)}% of the limit  (${goal((j.fractionOfLimit ?? 0) >= 0.9)}: >= 90%)`,
      `            ${f(j.perPromptMs, 0)} ms per prompt; generator ${f(g.tokensPerS, 1)} tok/s (${g.completions} x ${g.maxTokens} tokens); peak RSS ${f(real.peakRssMB, 0)} MB`,
    );
  }
  const x = result.explain as Figures | undefined;
  if (x) {
    lines.push(
      `explain     ${x.methods} methods (${x.model}), max_lines ${x.maxLines}: ${f(x.evaluatedTokensPerMethod, 0)} of ${f(x.promptTokensPerMethod, 0)} variant tokens evaluated per method (${f((x.reuseRatio ?? 0) * 100, 0)}% with prefix reuse), ${f(x.secondsPerMethod, 1)} s per method (scoring ${f(x.scoreSecondsPerMethod, 1)} s), ${f((x.shareOfReview ?? 0) * 100, 0)}% of a review; 20 flagged methods: ${f(x.review20FlaggedSeconds, 0)} s  (${goal((x.review20FlaggedSeconds ?? 0) <= 900)}: <= 900 s)`,
    );
  }
  const train = result.trainRealistic as TrainRealisticFigures | undefined;
  if (train) {
    lines.push(
      `train       ${f(train.params / 1e6, 1)}M params on ${train.device}, LoRA: ${f(train.lora.tokensPerS, 1)} tok/s, ${f(train.lora.examplesPerS, 3)} examples/s (${train.examples} x ~${train.tokensPerExample} tokens), peak RSS ${f(train.lora.peakRssMB, 0)} MB`,
      `            merge ${f(train.mergeS, 1)} s, convert ${f(train.convertS, 1)} s, GGUF ${f(train.ggufMB, 0)} MB; ${f(train.hoursPer10kExamples, 1)} h per 10,000 examples an epoch`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function renderJudge(j: Figures): string {
  return (
    `${j.methods} inputs, ${j.sequences} sequence(s): naive ${f(j.naiveTokensPerS, 0)} tok/s, batched ${f(j.batchedTokensPerS, 0)} tok/s, limit ${f(j.limitTokensPerS, 0)} tok/s; ` +
    `speedup ${f(j.speedupVsNaive)}x, ${f((j.fractionOfLimit ?? 0) * 100, 0)}% of the limit, ${j.evaluatedTokens} of ${j.promptTokens} prompt tokens evaluated`
  );
}
