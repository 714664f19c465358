/**
 * A Java class of `count` distinct methods of about `lines` lines each (the head of a pull request that adds
 * them all; its base is the empty class). A method whose index is in `buggy` contains "BUG", which the tiny
 * flag-bug judge scores as incorrect.
 */
export function javaClassOfMethods(p: {
  className: string;
  count: number;
  lines?: number;
  buggy?: number[];
}): { base: string; head: string } {
  const lines = p.lines ?? 6;
  const methods: string[] = [];
  for (let i = 0; i < p.count; i++) {
    const body: string[] = [`    int total = ${i};`];
    for (let k = 1; k < lines; k++) body.push(`    total = total * ${k + 2} + values[${k % 3}] - ${i + k};`);
    if (p.buggy?.includes(i)) body.push("    total = -total; // BUG: the sign flips");
    methods.push(
      [
        `  /** Folds the values into step ${i} of the ${p.className} checksum. */`,
        `  public int step${i}(int[] values) {`,
        ...body,
        "    return total;",
        "  }",
      ].join("\n"),
    );
  }
  const pkg = "package com.example;\n\n";
  return {
    base: `${pkg}public class ${p.className} {\n}\n`,
    head: `${pkg}public class ${p.className} {\n${methods.join("\n\n")}\n}\n`,
  };
}
