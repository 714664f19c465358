import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import type { ExtractedMethod } from "../../../src/java/types.js";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/java/", import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, "utf8");
}

export async function extract(name: string, source = readFixture(name)): Promise<ExtractedMethod[]> {
  return (await loadJavaParser()).extractMethods(name, source);
}

/** `Class.chain#name startLine-endLine kind`: one readable line a method, for exact comparisons. */
export function outline(methods: ExtractedMethod[]): string[] {
  return methods.map((m) => `${m.className}#${m.name} ${m.startLine}-${m.endLine} ${m.kind}`);
}
