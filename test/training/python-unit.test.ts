// The Python side's own tests (training/tests), run with the training environment that `java-judge train` uses: the
// first run of the suite creates it (cached outside the tracked files), later runs reuse it.
import { describe, expect, it } from "vitest";
import { ensureTrainingPython } from "../../src/training/ensure-training-python.js";
import { runProcess } from "../../src/training/run-process.js";
import { TRAINING_DIR } from "../../src/training/training-paths.js";

describe("training/ Python tests", () => {
  it("pass (python -m unittest in training/)", { timeout: 15 * 60_000 }, async () => {
    const { python } = await ensureTrainingPython({ log: (line) => process.stderr.write(`${line}\n`) });
    const result = await runProcess({
      command: python,
      args: ["-m", "unittest", "discover", "-s", "tests", "-v"],
      cwd: TRAINING_DIR,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    expect(result.stderr).toMatch(/Ran \d+ tests/);
    expect(result.code, result.stderr.slice(-3000)).toBe(0);
    const ran = Number(/Ran (\d+) tests/.exec(result.stderr)?.[1]);
    expect(ran).toBeGreaterThanOrEqual(15);
  });
});
