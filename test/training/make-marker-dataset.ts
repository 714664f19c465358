import { createRandom as mulberry32 } from "../../bench/create-random.js";
// Eval-format datasets (`{"id","task","code","label","key"}`) of small generated Java methods for the training tests.
// Every method has a sibling that shares its key (as a method and its mutants do); in "marker" data the incorrect
// sibling carries a marker comment on its last line, a signal a tiny model learns in a few epochs.

export type MarkerDatasetKind = "marker" | "all-correct" | "all-incorrect";

export interface MarkerLine {
  id: string;
  task: string;
  code: string;
  label: 0 | 1;
  key: string;
}

export const MARKER = "// BUG";

const NAMES = ["add", "sub", "mul", "calc", "compute", "apply", "merge", "scale", "shift", "mix"];
const VARS = ["a", "b", "x", "y", "left", "right", "count", "size", "total", "step"];

/** `pairs` methods, two lines each, deterministic for a seed. */
export function makeMarkerDataset(kind: MarkerDatasetKind, pairs: number, seed: number): MarkerLine[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines: MarkerLine[] = [];
  for (let i = 0; i < pairs; i++) {
    const name = `${pick(NAMES)}${seed}x${i}`;
    const type = pick(["int", "long"]);
    const a = pick(VARS);
    const b = pick(VARS.filter((v) => v !== a));
    const op = pick(["+", "-", "*"]);
    const body = [`    ${type} r = ${a} ${op} ${b};`];
    if (random() < 0.5) body.push(`    r = r ${pick(["+", "-"])} ${1 + Math.floor(random() * 9)};`);
    const method = (bug: boolean) =>
      [
        `${type} ${name}(${type} ${a}, ${type} ${b}) {`,
        ...body,
        `    return r;${bug ? ` ${MARKER}` : ""}`,
        "}",
      ].join("\n");
    const task = `Computes ${name} of ${a} and ${b}.`;
    const key = `Gen.java:Gen#${name}(${type},${type})`;
    const labels: (0 | 1)[] = kind === "marker" ? [1, 0] : kind === "all-correct" ? [1, 1] : [0, 0];
    labels.forEach((label, j) => {
      lines.push({ id: `${name}-${j}`, task, code: method(kind === "marker" && label === 0), label, key });
    });
  }
  return lines;
}

export function toJsonl(lines: readonly object[]): string {
  return lines.map((l) => `${JSON.stringify(l)}\n`).join("");
}
