import type { JavaSyntaxParser } from "../java/load-java-parser.js";
import type { LoneMethodShape } from "../java/parse-lone-method.js";
import type { ExtractedMethod } from "../java/types.js";
import { shuffle } from "./create-random.js";
import { applyMutation, listMutations } from "./list-mutations.js";
import { normalizeTokens } from "./normalize-tokens.js";
import type { Mutation, MutationOperator } from "./types.js";

export interface MutateMethodParams {
  /** The method's code as the judge reads it. */
  code: string;
  shape: LoneMethodShape;
  parser: JavaSyntaxParser;
  /** Mutants wanted, at most. */
  count: number;
  random: () => number;
}

export interface MethodMutants {
  /** False when the code does not parse on its own as one method (then there are no mutants). */
  parsed: boolean;
  mutants: Array<{ operator: MutationOperator; code: string }>;
  /** Mutations tried and thrown away: they broke the syntax or the signature, or changed no token. */
  rejected: number;
}

/**
 * Up to `count` distinct mutants of one method. The operators take turns in a seeded order, each offering a
 * seeded pick of its own sites, so one method's mutants come from different operators where it has them.
 * A mutant is kept only if it parses alone as one method with the original's signature and its tokens differ.
 */
export function mutateMethod(params: MutateMethodParams): MethodMutants {
  const { code, shape, parser, count, random } = params;
  const original = parser.parseLoneMethod(code, shape, { syntax: true });
  if (!original?.syntax) return { parsed: false, mutants: [], rejected: 0 };
  const queue = interleave(listMutations(original.syntax, code, original.method.returnType), random);
  const seen = new Set([normalizeTokens(code)]);
  const mutants: MethodMutants["mutants"] = [];
  let rejected = 0;
  // Each try costs a parse: a method with hundreds of sites stops after a few failures past what it needs.
  const budget = 3 * count + 6;
  for (let tried = 0; tried < queue.length && tried < budget && mutants.length < count; tried++) {
    const mutation = queue[tried] as Mutation;
    const mutant = applyMutation(code, mutation);
    const tokens = normalizeTokens(mutant);
    const parsed = seen.has(tokens) ? null : parser.parseLoneMethod(mutant, shape);
    if (!parsed || signatureDiffers(parsed.method, original.method)) {
      rejected++;
      continue;
    }
    seen.add(tokens);
    mutants.push({ operator: mutation.operator, code: mutant });
  }
  return { parsed: true, mutants, rejected };
}

/** Operators in a seeded order, each with its sites shuffled, then round-robin: one of each before a second. */
function interleave(mutations: Mutation[], random: () => number): Mutation[] {
  const byOperator = new Map<MutationOperator, Mutation[]>();
  for (const m of mutations) {
    const group = byOperator.get(m.operator);
    if (group) group.push(m);
    else byOperator.set(m.operator, [m]);
  }
  const groups = shuffle([...byOperator.values()], random).map((group) => shuffle(group, random));
  const out: Mutation[] = [];
  for (let round = 0; out.length < mutations.length; round++) {
    for (const group of groups) {
      const next = group[round];
      if (next) out.push(next);
    }
  }
  return out;
}

function signatureDiffers(a: ExtractedMethod, b: ExtractedMethod): boolean {
  return (
    a.kind !== b.kind ||
    a.name !== b.name ||
    a.returnType !== b.returnType ||
    a.typeParameters !== b.typeParameters ||
    a.parameterTypes.join(",") !== b.parameterTypes.join(",") ||
    a.throws.join(",") !== b.throws.join(",")
  );
}
