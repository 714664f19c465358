import type { Judge, JudgeInput, JudgeResult } from "../judge/types.js";

/** Progress on stderr: rewritten in place on a terminal, a few plain lines otherwise. */
export function createProgressLine(label: string): {
  update(done: number, total: number): void;
  end(): void;
} {
  const tty = process.stderr.isTTY === true;
  let lastPrinted = -1;
  return {
    update(done, total) {
      if (tty) process.stderr.write(`\r${label} ${done}/${total}`);
      else if (done === total || done - lastPrinted >= Math.max(1, Math.ceil(total / 10))) {
        process.stderr.write(`${label} ${done}/${total}\n`);
        lastPrinted = done;
      }
    },
    end() {
      if (tty) process.stderr.write("\n");
    },
  };
}

/** Scores the inputs that are not skipped already; keeps the order. */
export async function scoreMethods(
  judge: Judge,
  items: { input: JudgeInput; skip: string | null }[],
): Promise<JudgeResult[]> {
  const todo = items.flatMap((item, i) => (item.skip === null ? [i] : []));
  const progress = createProgressLine("scoring");
  const scored = await judge.score(
    todo.map((i) => (items[i] as (typeof items)[0]).input),
    (p) => progress.update(p.done, p.total),
  );
  progress.end();
  const results: JudgeResult[] = items.map((item) => ({ kind: "skipped", reason: item.skip ?? "" }));
  todo.forEach((i, k) => {
    results[i] = scored[k] as JudgeResult;
  });
  return results;
}
