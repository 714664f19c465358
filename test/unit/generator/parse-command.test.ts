import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/slash-commands/parse-command.js";

describe("parseCommand", () => {
  it("reads the commands on the first line", () => {
    expect(parseCommand("/judge")).toEqual({ kind: "review" });
    expect(parseCommand("  /judge review  \nplease")).toEqual({ kind: "review" });
    expect(parseCommand("/judge help")).toEqual({ kind: "help" });
    expect(parseCommand("/JUDGE Regenerate")).toEqual({ kind: "regenerate", target: null });
    expect(parseCommand("/judge regenerate Strings.isPalindrome")).toEqual({
      kind: "regenerate",
      target: { kind: "name", name: "Strings.isPalindrome" },
    });
    expect(parseCommand("/judge regenerate `isPalindrome()`")).toEqual({
      kind: "regenerate",
      target: { kind: "name", name: "isPalindrome" },
    });
    expect(parseCommand("/judge regenerate src/main/java/p/Strings.java:17\r\nthanks")).toEqual({
      kind: "regenerate",
      target: { kind: "line", path: "src/main/java/p/Strings.java", line: 17 },
    });
  });

  it("calls anything else after /judge unknown", () => {
    expect(parseCommand("/judge fix it")).toEqual({ kind: "unknown", text: "/judge fix it" });
    expect(parseCommand("/judge review everything")).toEqual({
      kind: "unknown",
      text: "/judge review everything",
    });
    expect(parseCommand("/judge regenerate a b")).toMatchObject({ kind: "unknown" });
    expect(parseCommand("/judge regenerate 42-x")).toMatchObject({ kind: "unknown" });
  });

  it("is not a command unless /judge starts the first line", () => {
    expect(parseCommand("LGTM\n/judge")).toBeNull();
    expect(parseCommand("please /judge this")).toBeNull();
    expect(parseCommand("/judgement day")).toBeNull();
    expect(parseCommand("")).toBeNull();
  });
});
