// Realistic judge inputs for throughput measurements: real methods of test/fixtures/java, as the app extracts them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import { judgeInputFromMethod } from "../../src/judge/judge-input-from-method.js";
import type { JudgeInput } from "../../src/judge/types.js";

const FIXTURES = new URL("../fixtures/java/", import.meta.url).pathname;
// Shorter texts are declarations without a body (interface methods, `void f();`): nothing for a judge to rate.
const MIN_METHOD_CHARS = 40;

/**
 * The review workload: distinct methods with a body, in file order (files sorted by name), at most `count`. What a
 * pull request's changed methods look like: each its own description, signature and code.
 */
export async function buildReviewInputs(count = 32): Promise<JudgeInput[]> {
  const parser = await loadJavaParser();
  const seen = new Set<string>();
  const inputs: JudgeInput[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".java"))
    .sort()) {
    for (const method of parser.extractMethods(file, readFileSync(join(FIXTURES, file), "utf8"))) {
      if (method.hasError || method.text.length < MIN_METHOD_CHARS || seen.has(method.text)) continue;
      seen.add(method.text);
      inputs.push(judgeInputFromMethod(method));
      if (inputs.length === count) return inputs;
    }
  }
  return inputs;
}

/**
 * The ranking workload: `candidates` versions of each of `methods` methods (of at least `minChars` characters), as a
 * generator proposes them: the same description and signature, bodies that differ from one point on. Candidate 0 is
 * the method itself; candidate k changes the k-th operator or number of the body, so the points spread over it.
 */
export async function buildRankingInputs(methods = 4, candidates = 8, minChars = 150): Promise<JudgeInput[]> {
  const bases = (await buildReviewInputs(Number.POSITIVE_INFINITY)).filter((m) => m.code.length >= minChars);
  return bases.slice(0, methods).flatMap((m) =>
    Array.from({ length: candidates }, (_, k) => ({
      ...m,
      code: k === 0 ? m.code : mutateBody(m.code, k - 1),
    })),
  );
}

// "->" is matched only so that its characters are not taken for operators.
const SITE = /->|\+\+|--|<=|>=|==|!=|&&|\|\||[<>+\-*]|\b\d+\b/g;
const SWAP: Record<string, string> = {
  "++": "--",
  "--": "++",
  "<=": "<",
  ">=": ">",
  "==": "!=",
  "!=": "==",
  "&&": "||",
  "||": "&&",
  "<": "<=",
  ">": ">=",
  "+": "-",
  "-": "+",
  "*": "/",
};

/** Changes the (k mod sites)-th mutation site after the body's opening brace; appends a statement where none is. */
export function mutateBody(code: string, k: number): string {
  const bodyStart = code.indexOf("{") + 1;
  const sites = [...code.slice(bodyStart).matchAll(SITE)].filter((m) => m[0] !== "->");
  if (bodyStart === 0 || sites.length === 0) return `${code}\n// candidate ${k}`;
  const site = sites[k % sites.length] as RegExpMatchArray;
  const at = bodyStart + (site.index ?? 0);
  const text = site[0];
  const replaced = SWAP[text] ?? String(Number(text) + 1 + Math.floor(k / sites.length));
  return code.slice(0, at) + replaced + code.slice(at + text.length);
}
