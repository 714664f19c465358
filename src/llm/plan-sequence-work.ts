/**
 * Splits prompts over sequences: sorted by their tokens, so prompts sharing a prefix are neighbours, then cut into
 * contiguous runs of about equal token counts, one run per sequence. Neighbours in one sequence reuse their common
 * prefix; the runs go through llama.cpp together, in one batch.
 */
export function planSequenceWork(prompts: readonly (readonly number[])[], sequences: number): number[][] {
  const order = prompts
    .map((_, i) => i)
    .sort((a, b) => compareTokens(prompts[a] ?? [], prompts[b] ?? []) || a - b);
  const total = prompts.reduce((n, p) => n + p.length, 0);
  const runs: number[][] = [];
  let current: number[] = [];
  let done = 0;
  for (const i of order) {
    current.push(i);
    done += prompts[i]?.length ?? 0;
    if (runs.length < sequences - 1 && done >= (total * (runs.length + 1)) / sequences) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function compareTokens(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
