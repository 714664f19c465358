import type { JudgeInput } from "../../src/judge/types.js";

/** Real-looking Java methods for judge tests; `n` distinct ones, sharing descriptions in pairs. */
export function makeJudgeInputs(n: number): JudgeInput[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `sumUpTo${i}`;
    const signature = `public static int ${name}(int[] values, int limit)`;
    return {
      description:
        i % 3 === 2 ? null : `Returns the sum of the first ${Math.floor(i / 2) + 1} values below limit.`,
      signature,
      code: `${signature} {\n  int total = 0;\n  for (int i = 0; i < values.length && i < ${i + 1}; i++) {\n    if (values[i] < limit) total += values[i] * ${i % 5};\n  }\n  return total;\n}`,
      className: "com.example.MathUtil",
      name,
    };
  });
}
