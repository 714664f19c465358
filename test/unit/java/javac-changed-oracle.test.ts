import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { simpleGit } from "simple-git";
import { afterAll, describe, expect, it } from "vitest";
import { listChangedMethodPairs } from "../../../src/java/list-changed-method-pairs.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { readFixture } from "./fixtures.js";
import { createGitFixture } from "./git-fixture.js";

const CHECKER = fileURLToPath(new URL("../../../bench/javac-changed/ChangedMethods.java", import.meta.url));
const hasJava = spawnSync("java", ["-version"]).status === 0;
const FILES = ["Basics.java", "Enums.java", "Interfaces.java", "Nested.java", "Records.java", "Tricky.java"];

const CALLABLE = `        out.add(new Callable<Integer>() {
            @Override
            public Integer call() {
                return 7;
            }
        });
`;

/** A history replayed from the real fixtures: anonymous classes and enum constant bodies added, moved, edited. */
function history(): Array<Record<string, string>> {
  const enums = readFixture("Enums.java");
  const nested = readFixture("Nested.java");
  const plus = enums.slice(enums.indexOf("    PLUS("), enums.indexOf("    MINUS("));
  const minus = enums.slice(enums.indexOf("    MINUS("), enums.indexOf("    TIMES("));
  const byLength = nested.slice(
    nested.indexOf("    private final Comparator"),
    nested.indexOf("    static {"),
  );
  const first = Object.fromEntries(FILES.map((name) => [name, readFixture(name)]));
  // 1. Constants swapped, one with a body added above them; an anonymous Callable added first in tasks().
  const enums1 = enums
    .replace(
      plus + minus,
      `    MOD("%") {\n        public int applyAsInt(int l, int r) { return l % r; }\n    },\n${minus}${plus}`,
    )
    .replace("NONE(", "NADA(");
  const nested1 = nested.replace(
    "        List<Callable<Integer>> out = new ArrayList<>();\n",
    `        List<Callable<Integer>> out = new ArrayList<>();\n${CALLABLE}`,
  );
  // 2. MINUS edited; a second comparator field, of the same text, above the first.
  const enums2 = enums1.replace("return left - right;", "return Math.subtractExact(left, right);");
  const nested2 = nested1.replace(byLength, byLength.replace("byLength", "byLengthToo") + byLength);
  // 3. The comparator moved to the end of the class, the Callable removed again.
  const nested3 = nested2
    .replace(byLength, "")
    .replace(/\n}\n\nclass SecondTopLevel/, `\n${byLength}}\n\nclass SecondTopLevel`)
    .replace(CALLABLE, "");
  return [
    first,
    { "Enums.java": enums1, "Nested.java": nested1 },
    { "Enums.java": enums2, "Nested.java": nested2 },
    { "Nested.java": nested3 },
  ];
}

const repo = createGitFixture();
afterAll(() => repo.remove());

// javac's reading of DESIGN.md "Changed methods" (bench/javac-changed) is the reference for what changed.
describe.skipIf(!hasJava)("changed methods agree with javac's reading", () => {
  it("on a history replayed from the fixtures, moves of anonymous classes and constant bodies included", async () => {
    const shas = history().map((files, i) => repo.commit(files, `step ${i}`));
    const dir = mkdtempSync(join(tmpdir(), "jj-javac-changed-"));
    try {
      const manifest: string[] = [];
      for (const [i, sha] of shas.entries()) {
        for (const name of FILES) {
          const head = repo.git("show", `${sha}:${name}`);
          const base = i === 0 ? null : repo.git("show", `${shas[i - 1]}:${name}`);
          if (head === base) continue;
          writeFileSync(join(dir, `${i}-head-${name}`), head);
          if (base !== null) writeFileSync(join(dir, `${i}-base-${name}`), base);
          manifest.push(
            `${i}:${name}\t${base === null ? "-" : join(dir, `${i}-base-${name}`)}\t${join(dir, `${i}-head-${name}`)}`,
          );
        }
      }
      writeFileSync(join(dir, "manifest.tsv"), `${manifest.join("\n")}\n`);
      const javac = execFileSync("java", [CHECKER, join(dir, "manifest.tsv")], { encoding: "utf8" })
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(javac.filter((r) => r.error)).toEqual([]);

      const git = simpleGit(repo.dir);
      const parser = await loadJavaParser();
      const ours: Record<string, unknown>[] = [];
      for (const [i, sha] of shas.entries()) {
        if (i === 0) continue;
        const pairs = await listChangedMethodPairs({
          git,
          baseSha: shas[i - 1] as string,
          headSha: sha,
          parser,
        });
        for (const { method: m } of pairs) {
          const { className, name, parameterTypes, startLine, change } = m;
          ours.push({ path: `${i}:${m.path}`, className, name, parameterTypes, startLine, change });
        }
      }
      const changed = javac.filter((r) => !String(r.path).startsWith("0:"));
      expect(ours).toEqual(changed);
      // What the history holds: the new bodies only, never the moved ones.
      expect(ours.map((r) => `${r.path} ${r.className}#${r.name} ${r.change}`)).toEqual([
        "1:Enums.java Enums.<anonymous>#applyAsInt added",
        "1:Nested.java Nested#tasks modified",
        "1:Nested.java Nested.<anonymous>#call added",
        "2:Enums.java Enums.<anonymous>#applyAsInt modified",
        "2:Nested.java Nested.<anonymous>#compare added",
        "3:Nested.java Nested#tasks modified",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
