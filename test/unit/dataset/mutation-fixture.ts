import { applyMutation, listMutations } from "../../../src/dataset/list-mutations.js";
import { methodExampleInput } from "../../../src/dataset/method-example-input.js";
import { normalizeTokens } from "../../../src/dataset/normalize-tokens.js";
import type { MutationOperator } from "../../../src/dataset/types.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import type { ExtractedMethod } from "../../../src/java/types.js";

export interface MutatedMethod {
  method: ExtractedMethod;
  code: string;
  /** Mutant texts per operator, in listMutations' order. */
  by(operator: MutationOperator): string[];
  /** Every operator with at least one site. */
  operators: Set<MutationOperator>;
}

/** The first method of a class body holding `member`, and what each operator makes of it. */
export async function mutate(member: string): Promise<MutatedMethod> {
  const parser = await loadJavaParser();
  const method = parser.extractMethods("Sample.java", `class Sample {\n${member}\n}\n`)[0];
  if (!method) throw new Error(`no method in ${member}`);
  const { code } = methodExampleInput(method);
  const lone = parser.parseLoneMethod(code, method, { syntax: true });
  if (!lone?.syntax) throw new Error(`does not parse alone: ${code}`);
  const mutations = listMutations(lone.syntax, code, lone.method.returnType);
  return {
    method,
    code,
    by: (operator) => mutations.filter((m) => m.operator === operator).map((m) => applyMutation(code, m)),
    operators: new Set(mutations.map((m) => m.operator)),
  };
}

/** Why a mutant is not a valid one (null when it is): it must parse alone, keep the signature, change tokens. */
export async function mutantProblem(
  original: ExtractedMethod,
  code: string,
  mutant: string,
): Promise<string | null> {
  const parser = await loadJavaParser();
  const parsed = parser.parseLoneMethod(mutant, original);
  if (!parsed) return `does not parse as one method: ${mutant}`;
  const m = parsed.method;
  const signature = (x: ExtractedMethod) =>
    [x.kind, x.name, x.returnType, x.typeParameters, x.parameterTypes.join(","), x.throws.join(",")].join(
      " ",
    );
  const before = parser.parseLoneMethod(code, original);
  if (!before || signature(m) !== signature(before.method)) return `signature changed: ${m.signature}`;
  if (normalizeTokens(mutant) === normalizeTokens(code)) return "no token changed";
  return null;
}
