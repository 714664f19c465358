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
 * The ranking workload: `candidates` versions of each of the first `methods` methods that have enough operators and
 * numbers to vary, as a generator proposes them: the same description and signature, bodies that differ from one
 * point on. Candidate 0 is the method itself; candidate k changes the k-th operator or number of the body, so the
 * points spread over it and no two candidates are the same.
 */
export async function buildRankingInputs(methods = 4, candidates = 8): Promise<JudgeInput[]> {
  const bases = (await buildReviewInputs(Number.POSITIVE_INFINITY)).filter(
    (m) => mutationSites(m.code).length >= candidates - 1,
  );
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

/** Operators and numbers after the body's opening brace, with their offsets in `code`. */
function mutationSites(code: string): { at: number; text: string }[] {
  const bodyStart = code.indexOf("{") + 1;
  if (bodyStart === 0) return [];
  return [...code.slice(bodyStart).matchAll(SITE)]
    .filter((m) => m[0] !== "->")
    .map((m) => ({ at: bodyStart + (m.index ?? 0), text: m[0] }));
}

/** Changes the (k mod sites)-th mutation site of the body; appends a comment where the body has none. */
export function mutateBody(code: string, k: number): string {
  const sites = mutationSites(code);
  const site = sites[k % Math.max(1, sites.length)];
  if (site === undefined) return `${code}\n// candidate ${k}`;
  const replaced = SWAP[site.text] ?? String(Number(site.text) + 1 + Math.floor(k / sites.length));
  return code.slice(0, site.at) + replaced + code.slice(site.at + site.text.length);
}
