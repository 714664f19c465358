import { readFile } from "node:fs/promises";
import { UsageError } from "../errors.js";

/** The webhook payload GitHub Actions wrote to GITHUB_EVENT_PATH: a JSON object, else a UsageError. */
export async function readActionEvent(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(
      `cannot read the event file GITHUB_EVENT_PATH=${path} (${code}): run in a GitHub Actions job, or point it at a webhook payload`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `the event file ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`the event file ${path} must hold a webhook payload (a JSON object)`);
  }
  return parsed as Record<string, unknown>;
}
