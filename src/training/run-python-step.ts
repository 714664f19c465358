import { join } from "node:path";
import { UsageError } from "../errors.js";
import { runProcess } from "./run-process.js";
import { TrainingError } from "./training-errors.js";
import { TRAINING_DIR } from "./training-paths.js";

export interface RunPythonStepParams {
  python: string;
  /** A file of training/, e.g. "train.py". */
  script: string;
  args: readonly string[];
  /** Receives the step's stderr (its progress bar) as it arrives. */
  onStderr?: (chunk: string) => void;
}

/**
 * Runs one Python step and returns its JSON summary. The protocol (training/runtime.py): progress on stderr, one
 * JSON object on stdout, {"error"} with exit 2 for bad input (UsageError here) or 1 for a failure (TrainingError).
 */
export async function runPythonStep<T>(params: RunPythonStepParams): Promise<T> {
  const script = join(TRAINING_DIR, params.script);
  const result = await runProcess({
    command: params.python,
    args: [script, ...params.args],
    env: {
      ...process.env,
      PYTHONUNBUFFERED: "1",
      PYTHONDONTWRITEBYTECODE: "1",
      // The steps run offline: every file they need is on disk.
      HF_HUB_OFFLINE: "1",
      TRANSFORMERS_OFFLINE: "1",
      ...(process.stderr.isTTY ? { JUDGE_PROGRESS_TTY: "1" } : {}),
    },
    ...(params.onStderr === undefined ? {} : { onStderr: params.onStderr }),
  }).catch((error: NodeJS.ErrnoException) => {
    throw new TrainingError(`cannot run ${params.python} (${error.code ?? error.message})`);
  });
  const summary = parseLastJson(result.stdout);
  if (summary !== null && typeof summary.error === "string") {
    const message = summary.error;
    throw result.code === 2 ? new UsageError(message) : new TrainingError(message);
  }
  if (result.code !== 0 || summary === null) {
    const tail = result.stderr.trim().split("\n").pop()?.trim() ?? "";
    throw new TrainingError(
      `${params.script} failed (exit ${result.code ?? "by signal"})${tail ? `: ${tail.slice(0, 300)}` : ""}`,
    );
  }
  return summary as T;
}

/** The last stdout line that is a JSON object: libraries may print to stdout before it. */
function parseLastJson(stdout: string): Record<string, unknown> | null {
  const lines = stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
    } catch {
      // not the summary
    }
  }
  return null;
}
