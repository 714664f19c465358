import type { ExtractedMethod } from "../java/types.js";
import { judgeInputFromMethod } from "../judge/judge-input-from-method.js";
import type { Judge, JudgeResult } from "../judge/types.js";

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

/** Scores the methods that parsed (a syntax error is a skip with its reason); keeps the order. */
export async function scoreMethods(judge: Judge, methods: ExtractedMethod[]): Promise<JudgeResult[]> {
  const todo = methods.flatMap((m, i) => (m.hasError ? [] : [i]));
  const progress = createProgressLine("scoring");
  const scored = await judge.score(
    todo.map((i) => judgeInputFromMethod(methods[i] as ExtractedMethod)),
    (p) => progress.update(p.done, p.total),
  );
  progress.end();
  const results: JudgeResult[] = methods.map(() => ({
    kind: "skipped",
    reason: "syntax error in the method",
  }));
  todo.forEach((i, k) => {
    results[i] = scored[k] as JudgeResult;
  });
  return results;
}
