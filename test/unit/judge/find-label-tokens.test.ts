import { describe, expect, it } from "vitest";
import { findLabelTokens, LabelTokensError } from "../../../src/judge/find-label-tokens.js";

// Stand-in tokenizers with the behaviours of real families, over a fixed table of pieces, longest match first.
function tokenizer(pieces: string[], spacePrefix = false): (text: string) => number[] {
  const byLength = [...pieces].sort((a, b) => b.length - a.length);
  return (text) => {
    let rest = spacePrefix ? ` ${text}` : text;
    const ids: number[] = [];
    while (rest.length > 0) {
      const piece = byLength.find((p) => rest.startsWith(p)) ?? rest[0]!;
      ids.push(
        piece.length === 1 && !pieces.includes(piece) ? 1000 + piece.charCodeAt(0) : pieces.indexOf(piece),
      );
      rest = rest.slice(piece.length);
    }
    return ids;
  };
}
const chars = [..."abcdefghijklmnopqrstuvwxyz0123456789#:= \n"];
const labels = { correct: "1", incorrect: "0" };

describe("findLabelTokens", () => {
  it("reads the labels after the prompt, not alone: a space prefix makes '1' alone two tokens", () => {
    const tokenize = tokenizer([...chars, " #"], true);
    expect(tokenize("1")).toHaveLength(2);
    const prompt = "## rating\n";
    const found = findLabelTokens((l) => tokenize(prompt + l), labels);
    expect(found.context).toEqual(tokenize(prompt));
    expect(found.correct).toBe(chars.indexOf("1"));
    expect(found.incorrect).toBe(chars.indexOf("0"));
  });

  it("takes the first token where the two sequences differ when a label merges with the prompt's end", () => {
    // ":1" and ":0" are pieces: the prompt's last character goes into the label token.
    const tokenize = tokenizer([...chars, ":1", ":0"]);
    const found = findLabelTokens((l) => tokenize(`rating:${l}`), labels);
    expect(found.context).toEqual(tokenize("rating"));
    expect([found.correct, found.incorrect]).toEqual([chars.length, chars.length + 1]);
  });

  it("handles labels of several tokens by their first distinct one", () => {
    const tokenize = tokenizer(chars);
    const found = findLabelTokens((l) => tokenize(`ok? ${l}`), { correct: "yes", incorrect: "yet" });
    expect(found.context).toEqual(tokenize("ok? ye"));
    expect([found.correct, found.incorrect]).toEqual([chars.indexOf("s"), chars.indexOf("t")]);
  });

  it("is a named error when one label's tokens are a prefix of the other's, or the labels are equal", () => {
    const tokenize = tokenizer(chars);
    expect(() => findLabelTokens((l) => tokenize(`x\n${l}`), { correct: "1", incorrect: "10" })).toThrow(
      LabelTokensError,
    );
    expect(() => findLabelTokens((l) => tokenize(`x\n${l}`), { correct: "10", incorrect: "1" })).toThrow(
      /labels "10" and "1" have no token that tells them apart after the prompt \(the tokens of prompt \+ "1" are a prefix of those of prompt \+ "10"\)/,
    );
    expect(() => findLabelTokens((l) => tokenize(`x\n${l}`), { correct: "1", incorrect: "1" })).toThrow(
      LabelTokensError,
    );
  });

  it("is a named error when the labels differ in the prompt's first token (nothing to read them after)", () => {
    const tokenize = tokenizer([...chars, "a1", "a0"]);
    expect(() => findLabelTokens((l) => tokenize(`a${l}`), labels)).toThrow(/no context is left/);
  });
});
