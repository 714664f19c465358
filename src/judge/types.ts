/** What the judge reads about one method. Plain data: built from an ExtractedMethod or a dataset line. */
export interface JudgeInput {
  /** Javadoc text without markers, or null ("None" in the prompt). */
  description: string | null;
  /** Declaration line(s) up to the body. */
  signature: string;
  /** The whole method text. */
  code: string;
  /** For the "None" description case: class chain and method name are all the judge has. */
  className: string;
  name: string;
}

export type JudgeResult =
  | { kind: "scored"; score: number; promptTokens: number; cached: boolean }
  | { kind: "skipped"; reason: string };

export interface JudgeStats {
  /** Tokens in all prompts scored (what a naive evaluation would evaluate). */
  promptTokens: number;
  /** Tokens actually evaluated by the model (after prefix reuse). */
  evaluatedTokens: number;
  /** Model evaluations (prompts actually run through the model, cache misses). */
  evaluations: number;
  seconds: number;
}

export interface ScoreProgress {
  done: number;
  total: number;
}

/** A judge (one model or an ensemble, possibly cached). Scores are P(correct) in [0, 1]. */
export interface Judge {
  /** Stable identity of the model(s) + template, used as the cache key's model part. */
  readonly id: string;
  /** Display names of the model(s). */
  readonly models: string[];
  /** sha256 of the exact prompt(s) this judge would evaluate for an input: the cache key's prompt part. */
  promptHash?(input: JudgeInput): string;
  /** An abort of `signal` (a job's deadline) stops the model between batches and rejects with its reason. */
  score(
    inputs: JudgeInput[],
    onProgress?: (p: ScoreProgress) => void,
    signal?: AbortSignal,
  ): Promise<JudgeResult[]>;
  /** Cumulative stats since creation. */
  stats(): JudgeStats;
  dispose(): Promise<void>;
}
