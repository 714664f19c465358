/**
 * Where the judge reads its label: the one rule for judge, eval, export and training (training/ mirrors it).
 *
 * A label is never tokenized alone: SentencePiece tokenizers with a space prefix (Llama-2, CodeLlama, Mistral,
 * TinyLlama) turn "1" alone into "▁" + "1", but "...\n1" into "...\n" + "1"; BPE merges can likewise join a label
 * to the text before it. So, with t1 = tokenize(prompt + correct) and t0 = tokenize(prompt + incorrect), and c the
 * length of their longest common prefix:
 * - the context the model reads is t1[0..c) (= t0[0..c));
 * - the label tokens are t1[c] and t0[c], the first tokens where the two sequences differ;
 * - score = P(t1[c]) / (P(t1[c]) + P(t0[c])) of the next-token distribution after the context.
 * Where one sequence is a prefix of the other (labels "1" and "10", or equal labels), no token tells the labels apart:
 * LabelTokensError. `tokensWith(label)` is the judge's own tokenization of the prompt followed by the label text
 * (create-prompt-encoder.ts: BOS first when the model adds one, control tokens only from the template, the label
 * plain text joined to the plain text before it), so a trainer tokenizes prompt + label whole, the same way, and
 * puts the loss on token c alone.
 */
export interface LabelTokens {
  /** Tokens evaluated before the label: the common prefix of prompt + correct and prompt + incorrect. */
  context: number[];
  /** Token whose probability is the score's numerator (the correct label's first distinct token). */
  correct: number;
  /** The incorrect label's first distinct token. */
  incorrect: number;
}

export class LabelTokensError extends Error {
  override name = "LabelTokensError";
}

export function findLabelTokens(
  tokensWith: (label: string) => number[],
  labels: { correct: string; incorrect: string },
): LabelTokens {
  const t1 = tokensWith(labels.correct);
  const t0 = tokensWith(labels.incorrect);
  let c = 0;
  while (c < t1.length && c < t0.length && t1[c] === t0[c]) c++;
  const correct = t1[c];
  const incorrect = t0[c];
  if (correct === undefined || incorrect === undefined) {
    const [shorter, longer] =
      t1.length <= t0.length ? [labels.correct, labels.incorrect] : [labels.incorrect, labels.correct];
    throw new LabelTokensError(
      `labels "${labels.correct}" and "${labels.incorrect}" have no token that tells them apart after the prompt ` +
        `(the tokens of prompt + "${shorter}" are a prefix of those of prompt + "${longer}"); choose labels whose ` +
        "first tokens differ (the template in models/models.json)",
    );
  }
  if (c === 0) {
    throw new LabelTokensError(
      `the labels "${labels.correct}" and "${labels.incorrect}" differ in the first token of the prompt: no context is left to read them after`,
    );
  }
  return { context: t1.slice(0, c), correct, incorrect };
}
