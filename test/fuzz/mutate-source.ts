import { createRandom, pick } from "../../bench/create-random.js";

// Fragments that stress a Java parser's recovery: unbalanced delimiters, unterminated comments and literals,
// declaration starters, unicode escapes, stray control and non-ASCII characters.
const FRAGMENTS = [
  "{",
  "}",
  "(",
  ")",
  ";",
  "<",
  ">",
  "@",
  ",",
  "/*",
  "*/",
  "/**",
  "//",
  '"',
  "'",
  '"""',
  "\\",
  "\\u000a",
  "\\u007d",
  "\r",
  "\r\n",
  "\t",
  "\u0000",
  "\u00e9",
  "\ufffd",
  "\u{1F600}",
  "class X {",
  "void m() {",
  "int f(int a) { return a; }",
  "record R(int a) {",
  "enum E { A { void x() {} }, B; ",
  "-> {",
  "new Object() { void y() {} };",
  "@interface A {",
  "<T extends Comparable<T>>",
  "throws Exception",
  "default ->",
  "sealed permits",
  "```",
  "### Rating",
];

/** Deterministic mutants of `source` (seeded): truncations, deletions, insertions, duplications, line swaps. */
export function* mutateSource(source: string, seed: number, count: number): Generator<string> {
  const random = createRandom(seed);
  const at = (text: string) => Math.floor(random() * (text.length + 1));
  for (let n = 0; n < count; n++) {
    let text = source;
    const steps = 1 + Math.floor(random() * 4);
    for (let s = 0; s < steps; s++) {
      const op = Math.floor(random() * 6);
      const i = at(text);
      if (op === 0) text = text.slice(0, i);
      else if (op === 1) text = text.slice(0, i) + text.slice(i + Math.floor(random() * 200));
      else if (op === 2) text = text.slice(0, i) + pick(random, FRAGMENTS) + text.slice(i);
      else if (op === 3)
        text = text.slice(0, i) + text.slice(i, i + Math.floor(random() * 300)) + text.slice(i);
      else if (op === 4) text = swapLines(text, random);
      else text = text.slice(0, i) + String.fromCodePoint(Math.floor(random() * 0x3000)) + text.slice(i + 1);
    }
    yield text;
  }
}

function swapLines(text: string, random: () => number): string {
  const lines = text.split("\n");
  const a = Math.floor(random() * lines.length);
  const b = Math.floor(random() * lines.length);
  [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
  return lines.join("\n");
}
