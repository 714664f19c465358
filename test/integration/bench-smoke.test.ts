import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { renderBenchText } from "../../bench/render-bench-text.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const positive = expect.any(Number);
const judgeFigures = {
  naiveTokensPerS: positive,
  batchedTokensPerS: positive,
  limitTokensPerS: positive,
  speedupVsNaive: positive,
  fractionOfLimit: positive,
  promptTokens: positive,
  evaluatedTokens: positive,
};

/** The definitions of DESIGN.md's judge figures, and the scores unchanged by batching. */
function expectJudgeRelations(j: Record<string, number>, reuse: "some" | "any") {
  if (reuse === "some") expect(j.evaluatedTokens).toBeLessThan(j.promptTokens as number);
  else expect(j.evaluatedTokens).toBeLessThanOrEqual(j.promptTokens as number);
  expect(j.naiveTokensPerS).toBeCloseTo((j.promptTokens as number) / (j.naiveSeconds as number), 3);
  expect(j.batchedTokensPerS).toBeCloseTo((j.evaluatedTokens as number) / (j.batchedSeconds as number), 3);
  expect(j.speedupVsNaive).toBeCloseTo((j.naiveSeconds as number) / (j.batchedSeconds as number), 6);
  expect(j.fractionOfLimit).toBeCloseTo((j.batchedTokensPerS as number) / (j.limitTokensPerS as number), 6);
  expect(j.maxScoreDelta).toBeLessThan(1e-4);
  expect(j.skipped).toBe(0);
}

// Shape and relations only: speed is measured by `npm run bench`, never asserted in a test.
describe("npm run bench -- --quick --json", () => {
  it("prints one JSON object with every section, its figures consistent", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--quick", "--json"],
      {
        cwd: ROOT,
        timeout: 120_000,
      },
    );
    expect(stderr).toContain("bench: judge");
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({
      machine: { loadAverageDuring: { min: positive, max: positive } },
      extraction: {
        oursMBps: positive,
        javaParserMBps: positive,
        ratio: positive,
        parseOnlyMBps: positive,
        extractShare: positive,
      },
      judge: { ...judgeFigures, sequences: positive },
      judgeRanking: { ...judgeFigures, methods: 6 },
      judgePreamble: judgeFigures,
      webhook: {
        deliveries: 40,
        concurrency: 10,
        p50Ms: positive,
        p99Ms: positive,
        clientCpuMsPerDelivery: positive,
      },
      incremental: { methods: 5, changed: 1, modelEvaluations: 1 },
    });
    const { extraction: e, judge: j, webhook: w } = r;
    expect(e.ratio).toBeCloseTo(e.oursMBps / e.javaParserMBps, 6);
    // Both extractors see the same declarations of the same corpus.
    expect(Math.abs(e.methods - e.javaParserMethods)).toBeLessThanOrEqual(e.methods * 0.02);
    // Distinct methods share only the template's opening; candidates and the preamble share much more.
    expectJudgeRelations(j, "any");
    expectJudgeRelations(r.judgeRanking, "some");
    expectJudgeRelations(r.judgePreamble, "some");
    expect(r.judgePreamble.evaluatedTokens / r.judgePreamble.promptTokens).toBeLessThan(
      j.evaluatedTokens / j.promptTokens,
    );
    expect(w.p50Ms).toBeLessThanOrEqual(w.p99Ms);
    expect(w).toMatchObject({ accepted: 40, jobs: 40 });
    const text = renderBenchText(r);
    for (const shown of [e.parseOnlyMBps.toFixed(2), w.clientCpuMsPerDelivery.toFixed(2), "shared preamble"])
      expect(text).toContain(shown);
  }, 150_000);
});
