import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { findChangedMethods } from "../../src/java/find-changed-methods.js";
import { type JavaParser, loadJavaParser } from "../../src/java/load-java-parser.js";
import type { ExtractedMethod } from "../../src/java/types.js";
import { mutateSource } from "./mutate-source.js";

const JAVA = new URL("../fixtures/java/", import.meta.url);
const DIFFS = new URL("../fixtures/diffs/", import.meta.url);
const read = (dir: URL, f: string) => readFileSync(new URL(f, dir), "utf8");
const javaFiles = readdirSync(JAVA)
  .filter((f) => f.endsWith(".java"))
  .sort();
const patches = readdirSync(DIFFS)
  .filter((f) => f.endsWith(".patch"))
  .sort();
const MUTANTS_PER_FILE = 450;
const STATEMENT_KEYWORDS = new Set([
  "if",
  "for",
  "while",
  "do",
  "switch",
  "case",
  "return",
  "new",
  "this",
  "void",
]);

let parser: JavaParser;
beforeAll(async () => {
  parser = await loadJavaParser();
});

/** What must hold for any input, however broken: spans inside the file and consistent with their text. */
function checkMethods(source: string, methods: ExtractedMethod[]): string | null {
  const lines = source.split("\n").length;
  for (const m of methods) {
    if (!(m.startLine >= 1 && m.startLine <= m.endLine && m.endLine <= lines))
      return `${m.name} spans ${m.startLine}-${m.endLine} of ${lines} lines`;
    if (!source.includes(m.text)) return `${m.name}'s text is not in the file`;
    if (m.text.split("\n").length !== m.endLine - m.startLine + 1)
      return `${m.name}'s text has ${m.text.split("\n").length} lines for span ${m.startLine}-${m.endLine}`;
    // Recovery leaves declarations whose name is MISSING or a keyword (a statement read as a member): a
    // method nobody wrote, and a blank row in the check run's table.
    if (m.name === "") return `a nameless method at ${m.startLine}`;
    if (STATEMENT_KEYWORDS.has(m.name)) return `a method named \`${m.name}\` at ${m.startLine}`;
    if (!m.key) return `a method without key at ${m.startLine}`;
  }
  return null;
}

// Fixed seeds: a failure names its file and mutant index, and reproduces on every machine.
describe("fuzz: mutated and truncated real Java through extraction and change detection", () => {
  it.each(javaFiles)(
    `%s: ${MUTANTS_PER_FILE} mutants, no throw, spans inside the file`,
    // About 3 s alone; the margin is for a 2-core machine shared with other test files.
    { timeout: 60_000 },
    (file) => {
      const original = read(JAVA, file);
      const base = parser.extractMethods(file, original);
      let index = 0;
      let methods = 0;
      for (const mutant of mutateSource(original, 1000 + javaFiles.indexOf(file), MUTANTS_PER_FILE)) {
        const where = `${file} mutant #${index++}`;
        const head = parser.extractMethods(file, mutant);
        methods += head.length;
        expect(checkMethods(mutant, head), where).toBeNull();
        const changed = findChangedMethods(base, head);
        for (const c of changed) {
          expect(["added", "modified"], where).toContain(c.change);
          expect(
            head.some((h) => h.key === c.key && h.startLine === c.startLine),
            where,
          ).toBe(true);
        }
        // Reverse direction (the mutant as the base) and a file against itself.
        expect(findChangedMethods(head, base).length, where).toBeLessThanOrEqual(base.length);
        expect(findChangedMethods(head, parser.extractMethods(file, mutant)), where).toEqual([]);
      }
      // The mutants keep most of the file: extraction must still find methods, not give up on them.
      expect(methods).toBeGreaterThan(MUTANTS_PER_FILE);
    },
  );

  it("a file truncated at every 7th offset never yields a span past its end", () => {
    const original = read(JAVA, "Nested.java");
    for (let cut = 0; cut <= original.length; cut += 7) {
      const text = original.slice(0, cut);
      expect(checkMethods(text, parser.extractMethods("Nested.java", text)), `cut at ${cut}`).toBeNull();
    }
  });

  it.each(patches)("%s: 300 mutated patches parse without throwing, lines consistent", (file) => {
    let index = 0;
    for (const patch of mutateSource(read(DIFFS, file), 77, 300)) {
      const parsed = parsePatch(patch);
      const where = `${file} mutant #${index++}`;
      for (const line of parsed.addedLines) {
        expect(line, where).toBeGreaterThanOrEqual(1);
        expect(parsed.rightLineHunk.has(line), where).toBe(true);
      }
      for (const h of parsed.hunks)
        expect(
          h.addedLines.every((l) => parsed.addedLines.has(l)),
          where,
        ).toBe(true);
    }
  });
});
