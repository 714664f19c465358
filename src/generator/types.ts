import type { ExtractedMethod } from "../java/types.js";

/** The java engineer's extraction, passed in so the generator never touches tree-sitter itself. */
export type ExtractMethods = (path: string, source: string) => ExtractedMethod[];

/** Tokens a text takes for the generator model (its tokenizer, passed in). */
export type CountTokens = (text: string) => number;

/** What the class around a method offers the generator, in source form. */
export interface ClassContext {
  imports: string[];
  fields: string[];
  /** Signatures of the other methods and constructors of the same class. */
  siblingSignatures: string[];
}

/** One distinct candidate that parsed as the original's method. */
export interface Candidate {
  /** Index of the first generation that gave this text (the tie-breaker of last resort). */
  index: number;
  /** The method's lines, common indentation removed, no Javadoc. */
  code: string;
  /** Its declaration up to the body, whitespace collapsed (what the judge reads as the signature). */
  signature: string;
  /** Indexes of every generation that gave this text (whitespace-normalized). */
  sources: number[];
}

export type RejectReason =
  | "empty"
  | "syntax-error"
  | "not-one-method"
  | "different-signature"
  | "same-as-original"
  | "duplicate";

export interface RejectedCandidate {
  index: number;
  reason: RejectReason;
  /** What differs, for a log line (e.g. "return type int, expected long"). */
  detail: string;
}

export interface FilterResult {
  kept: Candidate[];
  rejected: RejectedCandidate[];
}

export interface ScoredCandidate extends Candidate {
  score: number;
}

export type RankOutcome = "suggested" | "no-candidates" | "none-beats-original" | "below-threshold";

export interface RankResult {
  outcome: RankOutcome;
  /** The candidate to suggest; present only when outcome is "suggested". */
  best: ScoredCandidate | null;
  /** Every scored candidate, best first. */
  ranked: ScoredCandidate[];
}

/**
 * Where candidates come from: the generator model, or a recording in tests. Plain strings in and out,
 * so no llama.cpp object leaves src/llm.
 */
export interface CandidateSource {
  /** Display name of the generator (model name, or "recording"). */
  readonly name: string;
  /** Tokens the prompt may take. */
  readonly maxPromptTokens: number;
  countTokens: CountTokens;
  /** N raw generations for the prompt; `seed` makes them reproducible. */
  generate(params: { prompt: string; n: number; seed: number; signal?: AbortSignal }): Promise<string[]>;
}

/** Which methods `/judge regenerate` is about. */
export type RegenerateTarget =
  | { kind: "flagged" }
  /** `Name`, `Class.name` or `Outer.Inner.name`. */
  | { kind: "name"; name: string }
  | { kind: "line"; path: string; line: number }
  /** A thread's method, from the hidden marker of its first comment. */
  | { kind: "key"; key: string };

/** What regenerating one method came to: plain data for the reply and the logs. */
export interface MethodRegeneration {
  key: string;
  path: string;
  className: string;
  name: string;
  startLine: number;
  originalScore: number | null;
  /** Raw generations asked for. */
  generated: number;
  /** Distinct candidates that kept the signature and parsed. */
  kept: number;
  rejected: Partial<Record<RejectReason, number>>;
  outcome: RankOutcome | "prompt-too-long";
  bestScore: number | null;
  /** Set once the suggestion is posted. */
  posted?: { url: string; kind: "suggestion" | "code" };
  /** Why it could not even start (the prompt budget), for the reply. */
  detail?: string;
}
