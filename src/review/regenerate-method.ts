import { createHash } from "node:crypto";
import { buildGeneratorPrompt } from "../generator/build-generator-prompt.js";
import { collectClassContext } from "../generator/collect-class-context.js";
import { extractCandidate } from "../generator/extract-candidate.js";
import { filterCandidates } from "../generator/filter-candidates.js";
import { rankCandidates } from "../generator/rank-candidates.js";
import type {
  CandidateSource,
  ExtractMethods,
  MethodRegeneration,
  RejectReason,
  ScoredCandidate,
} from "../generator/types.js";
import type { ChangedMethod, ExtractedMethod } from "../java/types.js";
import type { Judge } from "../judge/types.js";

export interface RegenerateMethodParams {
  method: ChangedMethod;
  /** The head version of the method's file (class context). */
  source: string;
  /** Every method of that file. */
  fileMethods: ExtractedMethod[];
  originalScore: number | null;
  candidates: number;
  minGain: number;
  threshold: number;
  generator: CandidateSource;
  judge: Judge;
  extractMethods: ExtractMethods;
  /** Fixed seed; default one derived from the method's key and text, so a rerun writes the same candidates. */
  seed?: number;
  signal?: AbortSignal;
}

export interface RegeneratedMethod {
  result: MethodRegeneration;
  best: ScoredCandidate | null;
}

/** One method: prompt, N generations, filter, judge scores, ranking. Posts nothing. */
export async function regenerateMethod(p: RegenerateMethodParams): Promise<RegeneratedMethod> {
  const { method, generator, judge } = p;
  const base: MethodRegeneration = {
    key: method.key,
    path: method.path,
    className: method.className,
    name: method.name,
    startLine: method.startLine,
    originalScore: p.originalScore,
    generated: 0,
    kept: 0,
    rejected: {},
    outcome: "no-candidates",
    bestScore: null,
  };
  const prompt = buildGeneratorPrompt({
    description: method.javadoc,
    signature: method.signature,
    className: method.className,
    name: method.name,
    context: collectClassContext({ source: p.source, method, methods: p.fileMethods }),
    maxTokens: generator.maxPromptTokens,
    countTokens: generator.countTokens,
  });
  if (!prompt.ok)
    return { result: { ...base, outcome: "prompt-too-long", detail: prompt.reason }, best: null };
  const outputs = await generator.generate({
    prompt: prompt.prompt,
    n: p.candidates,
    seed: p.seed ?? seedOf(method),
    ...(p.signal === undefined ? {} : { signal: p.signal }),
  });
  const filtered = filterCandidates({
    original: method,
    texts: outputs.map(extractCandidate),
    extractMethods: p.extractMethods,
  });
  const rejected: Partial<Record<RejectReason, number>> = {};
  for (const r of filtered.rejected) rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
  const description = method.javadoc?.trim() ? method.javadoc.trim() : null;
  const scored = await judge.score(
    filtered.kept.map((c) => ({
      description,
      signature: c.signature,
      code: c.code,
      className: method.className,
      name: method.name,
    })),
    undefined,
    p.signal,
  );
  const ranked = rankCandidates({
    candidates: filtered.kept,
    scores: scored.map((s) => (s.kind === "scored" ? s.score : null)),
    originalScore: p.originalScore,
    minGain: p.minGain,
    threshold: p.threshold,
  });
  return {
    result: {
      ...base,
      generated: outputs.length,
      kept: filtered.kept.length,
      rejected,
      outcome: ranked.outcome,
      bestScore: ranked.ranked[0]?.score ?? null,
    },
    best: ranked.best,
  };
}

function seedOf(method: Pick<ChangedMethod, "key" | "hash">): number {
  return createHash("sha256").update(`${method.key}\n${method.hash}`).digest().readUInt32BE(0);
}
