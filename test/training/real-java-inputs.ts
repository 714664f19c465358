// At least `min` distinct Java methods as the app extracts them: the real files of test/fixtures/java first, then
// the bench's corpus (bench/build-java-corpus.ts), each named by file and line for a failure message.
import { buildJavaCorpus, readFixtureSources } from "../../bench/build-java-corpus.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import { judgeInputFromMethod } from "../../src/judge/judge-input-from-method.js";
import type { JudgeInput } from "../../src/judge/types.js";

export interface NamedJudgeInput {
  /** path:line name, where the method is. */
  where: string;
  input: JudgeInput;
}

/** Exactly `min` methods (fixtures first). */
export async function buildRealJavaInputs(min: number): Promise<NamedJudgeInput[]> {
  const parser = await loadJavaParser();
  const seen = new Set<string>();
  const out: NamedJudgeInput[] = [];
  const add = (path: string, text: string) => {
    for (const method of parser.extractMethods(path, text)) {
      if (method.hasError || seen.has(method.text)) continue;
      seen.add(method.text);
      out.push({ where: `${path}:${method.startLine} ${method.name}`, input: judgeInputFromMethod(method) });
    }
  };
  for (const source of readFixtureSources()) add(source.path, source.text);
  // The corpus grows by whole generated classes (about 450 bytes a method); a larger corpus starts with the smaller
  // one, so growing it only adds methods.
  const fixtures = readFixtureSources().length;
  for (let bytes = min * 450; out.length < min; bytes *= 2) {
    for (const source of buildJavaCorpus(bytes).slice(fixtures)) add(source.path, source.text);
  }
  return out.slice(0, min);
}
