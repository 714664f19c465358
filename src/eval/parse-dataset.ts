import { UsageError } from "../errors.js";

/** One line of an eval dataset: `{"id", "task"?, "code", "label": 1|0}`, plus `task_id` for rank-eval. */
export interface DatasetLine {
  id: string;
  /** The description (Javadoc text), or null when absent. */
  task: string | null;
  /** One whole method. */
  code: string;
  label: 0 | 1;
  taskId: string | null;
  /**
   * The method key (`path:Outer.Inner#name(types)`) where the line has one (`java-judge dataset` writes it): its
   * class chain is what the judge's prompt names at review time when a method has no Javadoc.
   */
  key: string | null;
  /** 1-based line number in the file, for messages. */
  lineNumber: number;
}

export interface ParseDatasetParams {
  text: string;
  /** File name used in messages. */
  source: string;
  /** rank-eval needs `task_id` on every line. */
  requireTaskId?: boolean;
}

/** Parses JSONL; a bad line throws a UsageError naming the file, the line and what is wrong with it. */
export function parseDataset({ text, source, requireTaskId = false }: ParseDatasetParams): DatasetLine[] {
  const lines: DatasetLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === "") return;
    const fail = (what: string): never => {
      throw new UsageError(`${source} line ${lineNumber}: ${what}`);
    };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(`not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) fail("expected a JSON object");
    const o = value as Record<string, unknown>;
    const id = typeof o.id === "number" ? String(o.id) : o.id;
    if (typeof id !== "string" || id === "") fail(`"id" must be a non-empty string`);
    if (typeof o.code !== "string" || o.code.trim() === "") fail(`"code" must be a non-empty string`);
    if (o.label !== 0 && o.label !== 1)
      fail(`"label" must be 1 (correct) or 0 (incorrect), got ${JSON.stringify(o.label) ?? "none"}`);
    if (o.task !== undefined && o.task !== null && typeof o.task !== "string")
      fail(`"task" must be a string`);
    const taskId = typeof o.task_id === "number" ? String(o.task_id) : o.task_id;
    if (taskId !== undefined && (typeof taskId !== "string" || taskId === ""))
      fail(`"task_id" must be a string`);
    if (requireTaskId && taskId === undefined)
      fail(`"task_id" is missing (rank-eval groups candidates by it)`);
    if (o.key !== undefined && o.key !== null && (typeof o.key !== "string" || o.key === ""))
      fail(`"key" must be a non-empty string`);
    const previous = seen.get(id as string);
    if (previous !== undefined) fail(`duplicate id ${JSON.stringify(id)} (first on line ${previous})`);
    seen.set(id as string, lineNumber);
    lines.push({
      id: id as string,
      task: typeof o.task === "string" ? o.task : null,
      code: o.code as string,
      label: o.label as 0 | 1,
      taskId: (taskId as string | undefined) ?? null,
      key: typeof o.key === "string" ? o.key : null,
      lineNumber,
    });
  });
  if (lines.length === 0) throw new UsageError(`${source}: no examples (the file is empty)`);
  return lines;
}
