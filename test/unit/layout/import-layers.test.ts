import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../../src");

// Each folder of src/ is one layer: what it may import (README, Development). A folder not listed here fails the
// test, so a new one has to say where it stands.
const BASE = ["config", "diff", "java", "llm", "store"] as const;
const MAY_IMPORT: Record<string, readonly string[]> = {
  config: [],
  diff: [],
  java: [],
  llm: [],
  store: [],
  queue: ["config", "store"],
  github: ["java", "queue"],
  judge: ["java", "llm", "store"],
  explain: ["java", "judge"],
  generator: ["diff", "github", "java", "judge", "llm"],
  eval: ["java", "judge", "llm", "store"],
  feedback: [...BASE, "github", "queue"],
  review: [...BASE, "explain", "generator", "github", "judge", "queue"],
  dataset: [...BASE, "eval", "generator", "judge"],
  training: [...BASE, "dataset", "eval", "judge"],
  "slash-commands": [...BASE, "explain", "generator", "github", "judge", "queue", "review"],
  app: [...BASE, "explain", "feedback", "generator", "github", "judge", "queue", "review", "slash-commands"],
  action: [
    ...[...BASE, "app", "explain", "feedback", "generator", "github", "judge", "queue", "review"],
    "slash-commands",
  ],
  cli: ["*"],
};

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTs(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** `layer -> imported layer` for every relative import that leaves its folder (src/*.ts files are shared). */
function crossLayerImports(): { file: string; from: string; to: string }[] {
  const found: { file: string; from: string; to: string }[] = [];
  for (const file of listTs(SRC)) {
    const from = relative(SRC, file).split("/")[0] as string;
    if (from.endsWith(".ts")) continue; // main.ts, cli.ts, errors.ts: the entries and the shared error classes
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)) {
      const target = relative(SRC, join(file, "..", m[1] as string)).split("/");
      const to = target.length > 1 ? (target[0] as string) : null;
      if (to && to !== from) found.push({ file: relative(SRC, file), from, to });
    }
  }
  return found;
}

describe("src/ layers", () => {
  it("knows every folder of src/", () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
    expect(folders.filter((f) => !(f in MAY_IMPORT))).toEqual([]);
  });

  it("imports point one way: no folder imports a layer above it", () => {
    const wrong = crossLayerImports()
      .filter(({ from, to }) => !(MAY_IMPORT[from]?.includes("*") || MAY_IMPORT[from]?.includes(to)))
      .map(({ file, to }) => `${file} imports ${to}/`);
    expect(wrong).toEqual([]);
  });

  it("finds the imports it checks (the scan itself works)", () => {
    const edges = crossLayerImports();
    expect(edges.some((e) => e.from === "review" && e.to === "github")).toBe(true);
    expect(edges.some((e) => e.from === "judge" && e.to === "llm")).toBe(true);
  });
});
