import type { Candidate, RankResult, ScoredCandidate } from "./types.js";

export interface RankCandidatesParams {
  candidates: Candidate[];
  /** Judge score per candidate, same order; null where the judge skipped it (too long, say). */
  scores: (number | null)[];
  /** The original method's score; null when it could not be scored. */
  originalScore: number | null;
  /** How much a candidate must beat the original by (config `suggestions.min_gain`). */
  minGain: number;
  /** The repo's threshold: a candidate below it would be flagged itself. */
  threshold: number;
}

/** Scores are probabilities; differences below this are float noise (0.7 - 0.6 < 0.1 in binary). */
const EPSILON = 1e-9;

/**
 * Orders scored candidates best first (score, then shorter code, then generation index) and picks
 * the best only if it beats the original by at least `minGain` (and strictly) and passes the threshold.
 */
export function rankCandidates(params: RankCandidatesParams): RankResult {
  const { candidates, scores, originalScore, minGain, threshold } = params;
  const ranked: ScoredCandidate[] = candidates
    .map((c, i) => ({ ...c, score: scores[i] ?? null }))
    .filter((c): c is ScoredCandidate => typeof c.score === "number" && Number.isFinite(c.score))
    .sort(compareCandidates);
  const top = ranked[0];
  if (!top) return { outcome: "no-candidates", best: null, ranked };
  if (originalScore !== null) {
    const gain = top.score - originalScore;
    if (gain <= EPSILON || gain < minGain - EPSILON)
      return { outcome: "none-beats-original", best: null, ranked };
  }
  if (top.score < threshold - EPSILON) return { outcome: "below-threshold", best: null, ranked };
  return { outcome: "suggested", best: top, ranked };
}

function compareCandidates(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || a.code.length - b.code.length || a.index - b.index;
}
