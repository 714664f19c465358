import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/dataset/create-random.js";
import { isExampleMethod, methodExampleInput } from "../../../src/dataset/method-example-input.js";
import { mutateMethod } from "../../../src/dataset/mutate-method.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";

const hasJavac = spawnSync("javac", ["-version"]).status === 0;
/** Fixtures that compile on their own (the others refer to classes they do not declare, or are broken on purpose). */
const COMPILABLE = [
  "java/Basics.java",
  "java/Enums.java",
  "java/Nested.java",
  "java/Records.java",
  "java/Tricky.java",
  "generations/Collections2.java",
  "generations/Strings.java",
  "dataset/Ledger.java",
];

// tree-sitter gives syntax, not types: javac is the judge of whether the operators' type guesses hold.
describe.skipIf(!hasJavac)("mutants compile", () => {
  it("javac accepts every mutant of the compilable fixtures", async () => {
    const parser = await loadJavaParser();
    const dir = mkdtempSync(join(tmpdir(), "java-judge-mutants-"));
    const files: string[] = [];
    const origin = new Map<string, string>();
    try {
      for (const fixture of COMPILABLE) {
        const source = readFileSync(
          fileURLToPath(new URL(`../../fixtures/${fixture}`, import.meta.url)),
          "utf8",
        );
        for (const method of parser.extractMethods(fixture, source).filter(isExampleMethod)) {
          const { code } = methodExampleInput(method);
          const { mutants } = mutateMethod({
            code,
            shape: method,
            parser,
            count: 5,
            random: createRandom(1, method.key),
          });
          const lineStart = source
            .split("\n")
            .slice(0, method.startLine - 1)
            .join("\n").length;
          const at = source.indexOf(method.text, lineStart);
          for (const mutant of mutants) {
            // Each mutant in a package of its own, so one javac run checks them all.
            const pkg = `m${files.length}`;
            const text = mutant.code.replace(/\n(?=.)/g, `\n${method.indent}`);
            const mutated = source.slice(0, at) + text + source.slice(at + method.text.length);
            const file = join(dir, pkg, fixture.split("/").at(-1) ?? "");
            mkdirSync(join(dir, pkg), { recursive: true });
            writeFileSync(file, `package ${pkg};\n${mutated.replace(/^package [\w.]+;/m, "")}`);
            files.push(file);
            origin.set(file, `${mutant.operator} of ${method.key}:\n${mutant.code}`);
          }
        }
      }
      expect(files.length).toBeGreaterThan(150);
      const javac = spawnSync(
        "javac",
        ["-nowarn", "-Xmaxerrs", "10000", "-d", join(dir, "classes"), ...files],
        {
          encoding: "utf8",
        },
      );
      const failing = [
        ...new Set([...javac.stderr.matchAll(/^(.*\.java):\d+: error:/gm)].map((m) => m[1] ?? "")),
      ];
      expect(failing.map((f) => origin.get(f) ?? f)).toEqual([]);
      expect(javac.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
