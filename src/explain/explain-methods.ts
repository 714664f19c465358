import type { Judge, JudgeInput } from "../judge/types.js";
import { selectOcclusionLines } from "./select-occlusion-lines.js";
import type { LineDoubt, MethodExplanation } from "./types.js";

/** A flagged method to explain: what the judge read, where it starts in its file, and the score it got. */
export interface ExplainTarget {
  input: JudgeInput;
  /** File line of the method's first line (the first line of `input.code`). */
  startLine: number;
  score: number;
}

export interface ExplainParams {
  judge: Judge;
  targets: ExplainTarget[];
  /** Lines tried per method (`explain.max_lines`). */
  maxLines: number;
  /** Aborted: the judge stops between batches and this rejects with the signal's reason. */
  signal?: AbortSignal;
  /** `remove` (default): the line is left out; `blank`: it is replaced by an empty line (measured, see below). */
  occlusion?: "remove" | "blank";
}

/**
 * Occlusion: every variant of a method with one line left out is scored, and each line gets
 * `delta = score(variant) - score(method)`. All variants of all targets go to the judge in one call, so the
 * judge's batching and prefix reuse apply: the variants of one method share its prompt up to their line, and the
 * judge's order (sorted by tokens, src/llm/plan-sequence-work.ts) puts them on one sequence one after another, so
 * each costs about the tokens from its line to the end of the prompt.
 *
 * A line is left out rather than blanked (`occlusion: "blank"` keeps an empty line in its place): both were measured on
 * the trained-marker test (test/training/explain-marker.test.ts) and name the same lines there; leaving it out is
 * what "without this line" means to a reader, and it is one token shorter.
 */
export async function explainMethods(params: ExplainParams): Promise<MethodExplanation[]> {
  const plans = params.targets.map((t) => {
    const selected = selectOcclusionLines({
      code: t.input.code,
      signature: t.input.signature,
      maxLines: params.maxLines,
    });
    const codeLines = t.input.code.split(/\r?\n/);
    const variants: JudgeInput[] = selected.lines.map((l) => ({
      ...t.input,
      code:
        params.occlusion === "blank"
          ? codeLines.map((line, i) => (i === l.index ? "" : line)).join("\n")
          : codeLines.filter((_, i) => i !== l.index).join("\n"),
    }));
    return { target: t, selected, variants };
  });
  const all = plans.flatMap((p) => p.variants);
  const results = all.length > 0 ? await params.judge.score(all, undefined, params.signal) : [];
  let at = 0;
  return plans.map(({ target, selected, variants }) => {
    const lines: LineDoubt[] = [];
    let failed = 0;
    variants.forEach((_, k) => {
      const r = results[at + k];
      const l = selected.lines[k];
      if (!l || r?.kind !== "scored") {
        failed++;
        return;
      }
      lines.push({ line: target.startLine + l.index, text: l.text, delta: r.score - target.score });
    });
    at += variants.length;
    lines.sort((a, b) => b.delta - a.delta || a.line - b.line);
    return {
      kind: "explained",
      score: target.score,
      lines,
      skippedLines: selected.skipped,
      untriedLines: selected.omitted + failed,
    };
  });
}
