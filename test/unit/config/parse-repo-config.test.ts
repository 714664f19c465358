import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { defaultRepoConfig, parseRepoConfig } from "../../../src/config/parse-repo-config.js";

describe("parseRepoConfig", () => {
  it("gives every default for a missing or empty file", () => {
    const expected = defaultRepoConfig();
    expect(parseRepoConfig(null)).toEqual({ ok: true, config: expected });
    expect(parseRepoConfig({})).toEqual({ ok: true, config: expected });
    expect(expected).toMatchObject({
      enabled: true,
      threshold: 0.5,
      inline: { max: 30 },
      suggestions: { mode: "on-request", candidates: 10 },
      check: { conclusion_when_flagged: "neutral" },
      commands: { permission: "write" },
    });
  });

  it("keeps the defaults of a section when only one of its keys is set", () => {
    const r = parseRepoConfig(parseYaml("suggestions:\n  mode: auto\nthreshold: 0.3\n"));
    expect(r).toMatchObject({
      ok: true,
      config: { threshold: 0.3, suggestions: { mode: "auto", candidates: 10 } },
    });
  });

  it("ignores a leftover _extends", () => {
    expect(parseRepoConfig({ _extends: ".github", drafts: true })).toMatchObject({
      ok: true,
      config: { drafts: true },
    });
  });

  it.each([
    [{ threshold: 2 }, 'key "threshold"'],
    [{ inline: { max: -1 } }, 'key "inline.max"'],
    [{ suggestions: { mode: "always" } }, 'key "suggestions.mode"'],
    [{ paths: { include: "src/**" } }, 'key "paths.include"'],
    [{ check: { conclusion: "failure" } }, "unknown key check.conclusion"],
    [{ thresold: 0.2 }, "unknown key thresold"],
    ["just text", "the file"],
  ])("names the key and the problem: %j", (raw, where) => {
    const r = parseRepoConfig(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(".github/java-judge.yml");
      expect(r.error).toContain(where);
      expect(r.error).not.toContain("\n");
    }
  });
});
