import { UsageError } from "../errors.js";
import type { JavaSyntaxParser } from "../java/load-java-parser.js";
import type { ExtractedMethod } from "../java/types.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { JudgeInput } from "../judge/types.js";
import { splitMethodKey } from "./build-training-examples.js";
import type { DatasetLine } from "./parse-dataset.js";

/**
 * What the judge reads for each dataset line: the signature is parsed from `code` (its first, outermost
 * method); `task` is the description, else the Javadoc in `code`; the class chain is the `key`'s, as the review
 * names it. Code that is not a method is a bad line.
 */
export function buildEvalInputs(
  lines: readonly DatasetLine[],
  parser: JavaSyntaxParser,
  source: string,
): JudgeInput[] {
  return lines.map((line) => {
    const method = parseMethod(parser, line);
    if (method === undefined || method.hasError) {
      throw new UsageError(
        `${source} line ${line.lineNumber}: "code" of ${JSON.stringify(line.id)} does not parse as one Java method${method ? " (syntax error)" : ""}`,
      );
    }
    const input = judgeInputFromMethod(method);
    const className = line.key === null ? input.className : splitMethodKey(line.key).className;
    return {
      ...input,
      className,
      ...(line.task === null ? {} : { description: line.task.trim() || null }),
    };
  });
}

function parseMethod(parser: JavaSyntaxParser, line: DatasetLine): ExtractedMethod | undefined {
  const top = parser.extractMethods(`${line.id}.java`, line.code)[0];
  if (top !== undefined && !top.hasError) return top;
  // A constructor only parses as a member of a class (`java-judge dataset` writes constructors as their own text;
  // an enum's is not even recognised outside one): parse it alone, wrapped in a class of its name.
  const name =
    top?.name ??
    (line.key === null ? /([A-Za-z_$][\w$]*)\s*\(/.exec(line.code)?.[1] : splitMethodKey(line.key).name);
  if (!name) return top;
  const signature = top?.signature ?? line.code.slice(0, Math.max(0, line.code.indexOf("{")));
  const lone = parser.parseLoneMethod(line.code, { name, kind: "constructor", signature, className: "" });
  return lone === null ? top : { ...lone.method, className: "" };
}
