import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { type DatasetLine, parseDataset } from "../eval/parse-dataset.js";
import { type Splits, splitByKey } from "./split-by-key.js";

/** One eval-format line (`{"id","task"?,"code","label"}`, plus `key` from `java-judge dataset`) and its text. */
export interface TrainingLine {
  /** Its `key`, where it has one, keeps a method and its mutants in one split. */
  line: DatasetLine;
  raw: string;
  /** The file it came from, for messages. */
  source: string;
}

export interface TrainingData extends Splits<TrainingLine> {
  /** "dir": --data DIR with train/valid/test.jsonl; "file": one file split here 0.8/0.1/0.1 by method key. */
  from: "dir" | "file";
}

/** What `java-judge dataset --out DIR` writes. */
export const SPLIT_FILES = { train: "train.jsonl", valid: "valid.jsonl", test: "test.jsonl" } as const;

const FILE_SPLIT = { train: 0.8, valid: 0.1, test: 0.1 };

/** --data DIR (train.jsonl required, valid.jsonl and test.jsonl optional) or --data FILE.jsonl, split by seed. */
export async function loadTrainingData(data: string, seed: number): Promise<TrainingData> {
  const info = await stat(data).catch(() => {
    throw new UsageError(
      `--data ${data} does not exist: pass a directory (java-judge dataset --out) or a .jsonl file`,
    );
  });
  if (info.isDirectory()) {
    const train = await readSplit(join(data, SPLIT_FILES.train));
    if (train === null) {
      throw new UsageError(
        `--data ${data} has no ${SPLIT_FILES.train} (java-judge dataset --out DIR writes it)`,
      );
    }
    return {
      from: "dir",
      train,
      valid: (await readSplit(join(data, SPLIT_FILES.valid))) ?? [],
      test: (await readSplit(join(data, SPLIT_FILES.test))) ?? [],
    };
  }
  const lines = (await readSplit(data)) ?? [];
  if (lines.length === 0) throw new UsageError(`--data ${data}: no examples (the file is empty)`);
  return { from: "file", ...splitByKey(lines, (l) => l.line.key ?? `id:${l.line.id}`, FILE_SPLIT, seed) };
}

/** A split file's lines; null when the file does not exist, [] when it is empty. */
async function readSplit(path: string): Promise<TrainingLine[] | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  if (text.trim() === "") return [];
  const raws = text.split(/\r?\n/);
  return parseDataset({ text, source: path }).map((line) => ({
    line,
    raw: raws[line.lineNumber - 1] ?? "",
    source: path,
  }));
}
