import { describeError } from "../errors.js";
import { inspectGgufFile } from "./inspect-gguf-file.js";
import { resolveModel } from "./resolve-model.js";

export interface ModelFileProblem {
  role: "judge" | "generator";
  model: string;
  message: string;
}

/**
 * Checks the configured model files when a worker starts (exists, GGUF magic, complete, supported
 * architecture), without loading them: a broken file is said at once, not on the first job.
 */
export async function checkModelFiles(models: {
  judge: string | undefined;
  generator: string | undefined;
}): Promise<ModelFileProblem[]> {
  const wanted: { role: ModelFileProblem["role"]; model: string }[] = [
    ...(models.judge ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean)
      .map((model) => ({ role: "judge" as const, model })),
    ...(models.generator ? [{ role: "generator" as const, model: models.generator }] : []),
  ];
  const problems: ModelFileProblem[] = [];
  for (const { role, model } of wanted) {
    try {
      await inspectGgufFile((await resolveModel(model)).path);
    } catch (error) {
      problems.push({ role, model, message: describeError(error) });
    }
  }
  return problems;
}
