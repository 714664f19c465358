import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { FIXTURES } from "./fixtures.js";

const ORACLE = fileURLToPath(new URL("./oracle/ListMethods.java", import.meta.url));
const hasJava = spawnSync("java", ["-version"]).status === 0;
const VALID = ["Basics.java", "Enums.java", "Records.java", "Interfaces.java", "Nested.java", "Tricky.java"];

interface Row {
  path: string;
  name: string;
  kind: string;
  className: string;
  startLine: number;
  endLine: number;
  hasDoc: boolean;
}

function askJavac(files: string[]): Row[] {
  const out = execFileSync("java", [ORACLE, ...files], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Row);
}

async function askUs(files: string[]): Promise<Row[]> {
  const parser = await loadJavaParser();
  return files.flatMap((path) =>
    parser.extractMethods(path, readFileSync(path, "utf8").replace(/^\uFEFF/, "")).map((m) => ({
      path,
      name: m.name,
      kind: m.kind,
      className: m.className,
      startLine: m.startLine,
      endLine: m.endLine,
      hasDoc: m.javadoc !== null,
    })),
  );
}

// javac's parser is the reference for names, kinds, class chains, spans and Javadoc attachment.
describe.skipIf(!hasJava)("extraction agrees with javac's parser", () => {
  const lf = VALID.map((name) => join(FIXTURES, name));
  let crlf: string[] = [];
  const javac = new Map<string, Row[]>();

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "java-judge-crlf-"));
    crlf = VALID.map((name) => {
      const path = join(dir, name);
      writeFileSync(path, `\uFEFF${readFileSync(join(FIXTURES, name), "utf8").replaceAll("\n", "\r\n")}`);
      return path;
    });
    // One JVM start for all files: it is the slow part.
    const rows = askJavac([...lf, ...crlf]);
    javac.set(
      "lf",
      rows.filter((row) => lf.includes(row.path)),
    );
    javac.set(
      "crlf",
      rows.filter((row) => crlf.includes(row.path)),
    );
  });

  it("on the fixture corpus", async () => {
    expect(javac.get("lf")?.length).toBeGreaterThan(70);
    expect(await askUs(lf)).toEqual(javac.get("lf"));
  });

  it("on CRLF files with a BOM", async () => {
    expect(await askUs(crlf)).toEqual(javac.get("crlf"));
  });
});
