import { buildTrainingExamples } from "../eval/build-training-examples.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../judge/prompt-template.js";
import { openStore } from "../store/open-store.js";
import type { DatasetExample } from "./types.js";

export interface FeedbackStats {
  /** Verdicts in the store. */
  records: number;
  /** Distinct examples after export's merging. */
  examples: number;
  /** Prompts whose verdicts disagree: left out, as `export` leaves them out. */
  conflicts: number;
}

/**
 * Reviewers' verdicts on the bot's findings, read and merged exactly as `java-judge export` does (same
 * prompt, same label: one example; disagreeing verdicts: none). The first verdict names the source.
 */
export async function collectFeedbackExamples(
  databaseUrl: string,
): Promise<{ examples: DatasetExample[]; stats: FeedbackStats }> {
  const store = await openStore(databaseUrl);
  let records: Awaited<ReturnType<typeof store.listFeedback>>;
  try {
    records = await store.listFeedback();
  } finally {
    await store.close();
  }
  const set = buildTrainingExamples(records, DEFAULT_PROMPT_TEMPLATE);
  const examples = set.examples.map(
    (e): DatasetExample => ({
      task: e.description,
      code: e.code,
      label: e.label,
      key: e.sources[0]?.methodKey ?? e.id,
      source: `feedback:${e.sources[0]?.signal ?? "unknown"}`,
    }),
  );
  return {
    examples,
    stats: { records: records.length, examples: examples.length, conflicts: set.conflicts.length },
  };
}
