import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  renderConfigJsonSchema,
  renderConfigMarkdown,
  renderReadmeWithConfig,
} from "../../../src/config/render-config-reference.js";

const read = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), "utf8");

describe("generated config reference", () => {
  it("docs/config.md matches the schema (run `npm run gen:config`)", () => {
    expect(read("docs/config.md")).toBe(renderConfigMarkdown());
  });

  it("README.md's config reference matches the schema (run `npm run gen:config`)", () => {
    const readme = read("README.md");
    expect(readme).toBe(renderReadmeWithConfig(readme));
  });

  it("schema/java-judge.schema.json matches the schema (run `npm run gen:config`)", () => {
    expect(read("schema/java-judge.schema.json")).toBe(renderConfigJsonSchema());
  });

  it("documents every key with a description", () => {
    const rows = renderConfigMarkdown()
      .split("\n")
      .filter((l) => l.startsWith("| `"));
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) expect(row.trim().endsWith("|  |")).toBe(false);
  });
});
