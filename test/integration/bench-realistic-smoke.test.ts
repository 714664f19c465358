import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { renderBenchText } from "../../bench/render-bench-text.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const positive = expect.any(Number);

// Shape and relations only, on a tiny qwen2 (--quick): the 494M-parameter model is measured by `npm run bench --
// --only realistic`, never in a test.
describe("npm run bench -- --only realistic --quick --json", () => {
  it("prints the realistic figures, a sweep entry per sequence count, the best one as the judge's", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--only", "realistic", "--quick", "--json", "--sequences", "1,2"],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(stderr).toContain("bench: realistic round 1/1: limit");
    const r = JSON.parse(stdout);
    expect(Object.keys(r)).toEqual(["machine", "realistic", "benchPeakRssMB"]);
    const real = r.realistic;
    expect(real).toMatchObject({
      model: { architecture: "qwen2", kvHeads: 2, tensorType: "q8_0", tiedOutput: true },
      judge: {
        methodsPerS: positive,
        tokensPerS: positive,
        limitTokensPerS: positive,
        fractionOfLimit: positive,
        perPromptMs: positive,
        methods: 2,
        skipped: 0,
      },
      generator: { tokensPerS: positive, completions: 1, maxTokens: 8 },
      peakRssMB: positive,
      loadAverage: { atStart: expect.any(Number) },
    });
    expect(real.params).toBeGreaterThan(100_000);
    const j = real.judge;
    expect(real.sweep.map((s: { sequences: number }) => s.sequences)).toEqual([1, 2]);
    expect(real.sweep).toContainEqual(
      expect.objectContaining({ sequences: j.sequences, methodsPerS: j.methodsPerS }),
    );
    for (const s of real.sweep) expect(s.methodsPerS).toBeLessThanOrEqual(j.methodsPerS);
    expect(j.tokensPerS).toBeCloseTo(j.evaluatedTokens / j.seconds, 6);
    expect(j.methodsPerS).toBeCloseTo(j.methods / j.seconds, 6);
    expect(j.fractionOfLimit).toBeCloseTo(j.tokensPerS / j.limitTokensPerS, 6);
    expect(j.evaluatedTokens).toBeLessThanOrEqual(j.promptTokens);
    expect(real.generator.generatedTokens).toBeLessThanOrEqual(8);
    expect(real.generator.tokensPerS).toBeCloseTo(real.generator.generatedTokens / real.generator.seconds, 6);
    expect(renderBenchText(r)).toContain(`${(j.fractionOfLimit * 100).toFixed(0)}% of the limit`);
  }, 90_000);

  it("refuses a sequence sweep for the judge section, in one line", async () => {
    const failed = await run(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--only", "judge", "--sequences", "1,2"],
      { cwd: ROOT, timeout: 30_000 },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr.trim().split("\n")).toEqual([
      "bench: a list of --sequences is a sweep of the realistic judge: use it with --only realistic",
    ]);
  }, 40_000);
});
