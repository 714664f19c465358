import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const positive = expect.any(Number);

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
      extraction: { oursMBps: positive, javaParserMBps: positive, ratio: positive },
      judge: {
        naiveTokensPerS: positive,
        batchedTokensPerS: positive,
        limitTokensPerS: positive,
        speedupVsNaive: positive,
        fractionOfLimit: positive,
        promptTokens: positive,
        evaluatedTokens: positive,
      },
      webhook: { deliveries: 40, concurrency: 10, p50Ms: positive, p99Ms: positive },
      incremental: { methods: 5, changed: 1, modelEvaluations: 1 },
    });
    const { extraction: e, judge: j, webhook: w } = r;
    expect(e.ratio).toBeCloseTo(e.oursMBps / e.javaParserMBps, 6);
    // Both extractors see the same declarations of the same corpus.
    expect(Math.abs(e.methods - e.javaParserMethods)).toBeLessThanOrEqual(e.methods * 0.02);
    expect(j.evaluatedTokens).toBeLessThan(j.promptTokens);
    expect(j.batchedTokensPerS).toBeCloseTo(j.evaluatedTokens / j.batchedSeconds, 3);
    expect(j.speedupVsNaive).toBeCloseTo(j.naiveSeconds / j.batchedSeconds, 6);
    expect(j.fractionOfLimit).toBeCloseTo(j.batchedTokensPerS / j.limitTokensPerS, 6);
    expect(j.maxScoreDelta).toBeLessThan(1e-4);
    expect(w.p50Ms).toBeLessThanOrEqual(w.p99Ms);
    expect(w).toMatchObject({ accepted: 40, jobs: 40 });
  }, 150_000);
});
