import { UsageError } from "../errors.js";
import type { JavaParser } from "../java/load-java-parser.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { JudgeInput } from "../judge/types.js";
import type { DatasetLine } from "./parse-dataset.js";

/**
 * What the judge reads for each dataset line: the signature is parsed from `code` (its first, outermost
 * method); `task` is the description, else the Javadoc in `code`. Code that is not a method is a bad line.
 */
export function buildEvalInputs(
  lines: readonly DatasetLine[],
  parser: JavaParser,
  source: string,
): JudgeInput[] {
  return lines.map((line) => {
    const method = parser.extractMethods(`${line.id}.java`, line.code)[0];
    if (method === undefined || method.hasError) {
      throw new UsageError(
        `${source} line ${line.lineNumber}: "code" of ${JSON.stringify(line.id)} does not parse as one Java method${method ? " (syntax error)" : ""}`,
      );
    }
    const input = judgeInputFromMethod(method);
    return line.task === null ? input : { ...input, description: line.task.trim() || null };
  });
}
