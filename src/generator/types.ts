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
