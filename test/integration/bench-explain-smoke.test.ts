import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { renderBenchText } from "../../bench/render-bench-text.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const positive = expect.any(Number);

// Shape and relations only, on a tiny qwen2 (--quick): the 0.5B-shaped figures come from `npm run bench -- --only
// explain`, never from a test.
describe("npm run bench -- --only explain --quick --json", () => {
  it("prints tokens per explained method with and without prefix reuse, seconds, and the share of a review", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--only", "explain", "--quick", "--json"],
      { cwd: ROOT, timeout: 60_000 },
    );
    const r = JSON.parse(stdout);
    expect(Object.keys(r)).toEqual(["machine", "explain", "benchPeakRssMB"]);
    const x = r.explain;
    expect(x).toMatchObject({
      model: "tiny",
      methods: 2,
      maxLines: 12,
      maxMethods: 10,
      secondsPerMethod: positive,
      scoreSecondsPerMethod: positive,
      boundSeconds: positive,
    });
    expect(x.linesTried).toBeGreaterThan(0);
    // Prefix reuse: fewer tokens evaluated than the variants' prompts hold.
    expect(x.evaluatedTokensPerMethod).toBeLessThan(x.promptTokensPerMethod);
    expect(x.reuseRatio).toBeCloseTo(x.evaluatedTokensPerMethod / x.promptTokensPerMethod, 6);
    expect(x.shareOfReview).toBeGreaterThan(0);
    expect(x.shareOfReview).toBeLessThan(1);
    expect(renderBenchText(r)).toMatch(
      /^explain {5}2 methods \(tiny\), max_lines 12: \d+ of \d+ variant tokens/m,
    );
  });
});
