import { UsageError } from "../errors.js";
import type { JavaSyntaxParser } from "../java/load-java-parser.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { JudgeInput } from "../judge/types.js";
import { splitMethodKey } from "./build-training-examples.js";
import type { DatasetLine } from "./parse-dataset.js";

/**
 * What the judge reads for each dataset line: `code` is one method or constructor (comments, a Javadoc, around
 * it), parsed on its own, so a constructor needs no `key` (its name is its class's); `task` is the description,
 * else the Javadoc in `code`; the class chain is the `key`'s, as the review names it, else a constructor's own
 * class. Code that is not one method is a bad line, and the message says what it is instead.
 */
export function buildEvalInputs(
  lines: readonly DatasetLine[],
  parser: JavaSyntaxParser,
  source: string,
): JudgeInput[] {
  return lines.map((line) => {
    const parsed = parser.parseLoneDeclaration(line.code);
    if ("found" in parsed) {
      throw new UsageError(
        `${source} line ${line.lineNumber}: "code" of ${JSON.stringify(line.id)} does not parse as one Java method: found ${parsed.found}`,
      );
    }
    const input = judgeInputFromMethod(parsed.method);
    const className = line.key === null ? input.className : splitMethodKey(line.key).className;
    return {
      ...input,
      className,
      ...(line.task === null ? {} : { description: line.task.trim() || null }),
    };
  });
}
