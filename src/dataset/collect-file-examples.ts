import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { UsageError } from "../errors.js";
import { parseDataset } from "../eval/parse-dataset.js";
import type { DatasetExample } from "./types.js";

/**
 * Labels a team already has, in eval's format (`{"id","task"?,"code","label"}` a line), checked line by line
 * as `eval` checks them. The split groups lines by `key`, else `task_id`, else the task text, else the id; a
 * `source` on the line is kept, else it is `file:NAME`.
 */
export async function collectFileExamples(path: string): Promise<DatasetExample[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? "unreadable");
    throw new UsageError(
      `--from ${path}: cannot read it (${why}); --from takes mutants, fixes, feedback or a FILE.jsonl`,
    );
  }
  const raw = text.split(/\r?\n/);
  return parseDataset({ text, source: path }).map((line) => {
    const extra = JSON.parse(raw[line.lineNumber - 1] ?? "{}") as Record<string, unknown>;
    const key =
      nonEmpty(extra.key) ??
      line.taskId ??
      (line.task?.trim()
        ? `task:${createHash("sha256").update(line.task).digest("hex").slice(0, 16)}`
        : null) ??
      `id:${line.id}`;
    return {
      task: line.task,
      code: line.code,
      label: line.label,
      key,
      source: nonEmpty(extra.source) ?? `file:${basename(path)}`,
    };
  });
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
