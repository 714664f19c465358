import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import type { ExtractedMethod } from "../../../src/java/types.js";

export const GENERATIONS_DIR = join(import.meta.dirname, "../../fixtures/generations");

export interface RecordedOutput {
  raw: string;
  expect: string;
  note: string;
}

export interface Recording {
  file: string;
  method: string;
  outputs: RecordedOutput[];
  source: string;
  original: ExtractedMethod;
  methods: ExtractedMethod[];
}

/** The recorded generations with their original methods, extracted by the real parser. */
export async function loadRecordings(): Promise<Recording[]> {
  const parser = await loadJavaParser();
  const raw = JSON.parse(readFileSync(join(GENERATIONS_DIR, "recordings.json"), "utf8")) as Omit<
    Recording,
    "source" | "original" | "methods"
  >[];
  return raw.map((r) => {
    const source = readFileSync(join(GENERATIONS_DIR, r.file), "utf8");
    const methods = parser.extractMethods(r.file, source);
    const original = methods.find((m) => m.name === r.method);
    if (!original) throw new Error(`no method ${r.method} in ${r.file}`);
    return { ...r, source, original, methods };
  });
}
