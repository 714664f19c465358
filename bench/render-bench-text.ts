/** The human-readable form of the bench result, with each goal of BENCHMARKS.md met or missed. */
export function renderBenchText(result: Record<string, unknown>): string {
  const r = result as Record<string, Record<string, number> | undefined>;
  const lines: string[] = [];
  const f = (n: number | undefined, digits = 2) => (n === undefined ? "-" : n.toFixed(digits));
  const goal = (ok: boolean) => (ok ? "goal met" : "goal MISSED");
  const m = result.machine as Record<string, unknown>;
  lines.push(
    `machine: ${m.cpu}, ${m.cores} cores, load ${f(m.loadAverageAtStart as number)} at start, LLAMA_GPU=${m.llamaGpu}`,
  );
  const e = r.extraction;
  if (e) {
    const ok = (e.oursMBps ?? 0) >= 4 && (e.ratio ?? 0) >= 5;
    lines.push(
      `extraction  ${f((e.corpusBytes ?? 0) / 1e6)} MB, ${e.files} files, ${e.methods} methods: ours ${f(e.oursMBps)} MB/s, java-parser ${f(e.javaParserMBps)} MB/s, ${f(e.ratio, 1)}x  (${goal(ok)}: >= 4 MB/s, >= 5x)`,
    );
  }
  const j = r.judge;
  if (j) {
    const ok = (j.speedupVsNaive ?? 0) >= 3 && (j.fractionOfLimit ?? 0) >= 0.8;
    lines.push(
      `judge       ${j.methods} methods, ${j.sequences} sequences: naive ${f(j.naiveTokensPerS, 0)} tok/s, batched ${f(j.batchedTokensPerS, 0)} tok/s, limit ${f(j.limitTokensPerS, 0)} tok/s`,
      `            speedup ${f(j.speedupVsNaive)}x, ${f((j.fractionOfLimit ?? 0) * 100, 0)}% of the limit, ${j.evaluatedTokens} of ${j.promptTokens} prompt tokens evaluated  (${goal(ok)}: >= 3x, >= 80%)`,
    );
  }
  const sp = r.judgeSharedPrefix;
  if (sp) {
    lines.push(
      `  + shared instruction prefix: naive ${f(sp.naiveTokensPerS, 0)} tok/s, batched ${f(sp.batchedTokensPerS, 0)} tok/s, limit ${f(sp.limitTokensPerS, 0)} tok/s; speedup ${f(sp.speedupVsNaive)}x, ${f((sp.fractionOfLimit ?? 0) * 100, 0)}% of the limit, ${sp.evaluatedTokens} of ${sp.promptTokens} tokens evaluated`,
    );
  }
  const w = r.webhook;
  if (w) {
    const ok =
      (w.p99Ms ?? Number.POSITIVE_INFINITY) < 100 && w.accepted === w.deliveries && w.jobs === w.deliveries;
    lines.push(
      `webhook     ${w.deliveries} deliveries at ${w.concurrency}: p50 ${f(w.p50Ms, 1)} ms, p99 ${f(w.p99Ms, 1)} ms, ${w.accepted} 2xx, ${w.jobs} jobs, server peak RSS ${f(w.serverPeakRssMB ?? undefined, 0)} MB  (${goal(ok)}: p99 < 100 ms, one job each)`,
    );
  }
  const i = r.incremental;
  if (i) {
    lines.push(
      `incremental ${i.methods} changed methods, re-push changing ${i.changed}: ${i.modelEvaluations} model evaluations  (${goal(i.modelEvaluations === i.changed)}: = changed)`,
    );
  }
  return `${lines.join("\n")}\n`;
}
