import { parseMethodKey } from "../java/method-key.js";
import { buildJudgePrompt } from "../judge/build-judge-prompt.js";
import { hashPrompt } from "../judge/hash-prompt.js";
import type { PromptTemplate } from "../judge/prompt-template.js";
import type { FeedbackRecord } from "../store/types.js";

/** One supervised example in the judge's own prompt template; `sources` say where its label came from. */
export interface TrainingExample {
  id: string;
  /** The judge's prompt for the method, byte for byte. */
  prompt: string;
  /** The template's label (correct or incorrect), to be tokenized after the prompt, see render-export-lines.ts. */
  completion: string;
  label: 0 | 1;
  sources: { signal: string; repo: string; pullNumber: number; methodKey: string }[];
  /** For the eval-format twin of the record. */
  description: string | null;
  code: string;
}

export interface TrainingSet {
  examples: TrainingExample[];
  /** Records merged into an example with the same prompt and label. */
  duplicates: number;
  /** Prompts whose records disagree on the label: left out, one entry each. */
  conflicts: { id: string; signals: string[] }[];
}

/**
 * Feedback records -> training examples: deduplicated by the exact prompt; a prompt whose records disagree on
 * the label is left out (reported), since either label would teach the judge a guess.
 */
export function buildTrainingExamples(
  records: readonly FeedbackRecord[],
  template: PromptTemplate,
): TrainingSet {
  const byPrompt = new Map<string, { records: FeedbackRecord[]; prompt: string }>();
  for (const r of records) {
    const { className, name } = splitMethodKey(r.methodKey);
    const prompt = buildJudgePrompt(
      { description: r.description, signature: r.signature, code: r.code, className, name },
      template,
    );
    const entry = byPrompt.get(prompt) ?? { records: [], prompt };
    entry.records.push(r);
    byPrompt.set(prompt, entry);
  }
  const set: TrainingSet = { examples: [], duplicates: 0, conflicts: [] };
  for (const { prompt, records: group } of byPrompt.values()) {
    const id = hashPrompt(prompt).slice(0, 16);
    const labels = new Set(group.map((r) => r.label));
    if (labels.size > 1) {
      set.conflicts.push({ id, signals: group.map((r) => `${r.signal}=${r.label}`) });
      continue;
    }
    set.duplicates += group.length - 1;
    const first = group[0]!;
    set.examples.push({
      id,
      prompt,
      completion: first.label === 1 ? template.correct : template.incorrect,
      label: first.label,
      sources: group.map((r) => ({
        signal: r.signal,
        repo: r.repo,
        pullNumber: r.pullNumber,
        methodKey: r.methodKey,
      })),
      description: first.description,
      code: first.code,
    });
  }
  return set;
}

/** A method key -> class chain (as `methods` prints it) and name, which the prompt names when there is no Javadoc. */
export function splitMethodKey(key: string): { className: string; name: string } {
  const parsed = parseMethodKey(key);
  return parsed ? { className: parsed.className, name: parsed.name } : { className: "", name: key };
}
