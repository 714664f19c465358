/**
 * Sizes of the llama.cpp batches to evaluate `count` tokens of one sequence in: at most `batchSize` each, and never
 * a batch of one token where more tokens are evaluated. On the CPU llama.cpp multiplies a one-token batch with
 * another kernel (matrix-vector) than a batch of two or more, whose sums round differently (~1e-8): so that a token
 * gets the same numbers whatever the batching, it must never be alone in a batch in one run and not in another.
 */
export function splitEvaluation(count: number, batchSize: number): number[] {
  const max = Math.max(1, Math.floor(batchSize));
  const sizes: number[] = [];
  let left = Math.max(0, Math.floor(count));
  while (left > 0) {
    let size = Math.min(left, max);
    if (left - size === 1 && size > 2) size -= 1; // a batch of 2 cannot avoid it
    sizes.push(size);
    left -= size;
  }
  return sizes;
}
