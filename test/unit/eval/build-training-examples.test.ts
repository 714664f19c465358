import { describe, expect, it } from "vitest";
import { buildTrainingExamples, splitMethodKey } from "../../../src/eval/build-training-examples.js";
import { renderEvalLines, renderTrainingLines } from "../../../src/eval/render-export-lines.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../../src/judge/prompt-template.js";
import type { FeedbackRecord } from "../../../src/store/types.js";

const record = (over: Partial<FeedbackRecord>): FeedbackRecord => ({
  repo: "acme/shop",
  pullNumber: 7,
  methodKey: "src/A.java:A#max(int[])",
  signal: "reaction:+1",
  label: 0,
  description: "Returns the largest element.",
  code: "int max(int[] a) { return 0; }",
  signature: "int max(int[] a)",
  score: 0.2,
  createdAt: "2026-03-01T00:00:00.000Z",
  ...over,
});

describe("buildTrainingExamples", () => {
  it("renders the judge's own prompt, completion 0/1, and merges duplicates keeping every source", () => {
    const set = buildTrainingExamples(
      [
        record({}),
        record({ signal: "changed-after-flag", pullNumber: 8 }),
        record({
          code: "int max(int[] a) { return a[0]; }",
          label: 1,
          signal: "reaction:-1",
          description: null,
        }),
      ],
      DEFAULT_PROMPT_TEMPLATE,
    );
    expect(set.duplicates).toBe(1);
    expect(set.conflicts).toEqual([]);
    expect(set.examples).toHaveLength(2);
    const [flagged, passed] = set.examples;
    expect(flagged!.prompt.split("\n")).toEqual([
      "### Description",
      "Returns the largest element.",
      "### Signature",
      "int max(int[] a)",
      "### Candidate",
      "int max(int[] a) { return 0; }",
      "### Rating (1 = correct, 0 = incorrect)",
      "",
    ]);
    expect(flagged).toMatchObject({ completion: "0", label: 0 });
    expect(flagged!.sources.map((s) => `${s.signal}@${s.pullNumber}`)).toEqual([
      "reaction:+1@7",
      "changed-after-flag@8",
    ]);
    expect(passed!.prompt.split("\n")[1]).toBe("None (method max of class A)");
    expect(passed).toMatchObject({ completion: "1", label: 1 });
    expect(flagged!.id).toMatch(/^[0-9a-f]{16}$/);

    const training = renderTrainingLines(set.examples).split("\n");
    expect(training).toHaveLength(3);
    expect(training[2]).toBe("");
    expect(JSON.parse(training[0]!)).toEqual({
      id: flagged!.id,
      prompt: flagged!.prompt,
      completion: "0",
      label: 0,
      sources: [
        { signal: "reaction:+1", repo: "acme/shop", pullNumber: 7, methodKey: "src/A.java:A#max(int[])" },
        {
          signal: "changed-after-flag",
          repo: "acme/shop",
          pullNumber: 8,
          methodKey: "src/A.java:A#max(int[])",
        },
      ],
    });
    const evalLines = renderEvalLines(set.examples)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(evalLines).toEqual([
      {
        id: flagged!.id,
        task: "Returns the largest element.",
        code: "int max(int[] a) { return 0; }",
        label: 0,
        sources: ["reaction:+1", "changed-after-flag"],
      },
      { id: passed!.id, code: "int max(int[] a) { return a[0]; }", label: 1, sources: ["reaction:-1"] },
    ]);
  });

  it("leaves out a prompt whose records disagree, and says so", () => {
    const set = buildTrainingExamples(
      [record({}), record({ signal: "reaction:-1", label: 1 })],
      DEFAULT_PROMPT_TEMPLATE,
    );
    expect(set.examples).toEqual([]);
    expect(set.conflicts).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{16}$/), signals: ["reaction:+1=0", "reaction:-1=1"] },
    ]);
  });

  it("splits method keys, nested classes and generic parameters included", () => {
    expect(splitMethodKey("src/a:b/X.java:Outer.Inner#put(Map<K,V>,int...)")).toEqual({
      className: "Outer.Inner",
      name: "put",
    });
    expect(splitMethodKey("X.java:#f()")).toEqual({ className: "", name: "f" });
    // Keys of anonymous and local classes name the class chain as `methods` prints it.
    expect(splitMethodKey("X.java:A.<anonymous@build(Map<K,V>,int)#2>#getLeft()~2")).toEqual({
      className: "A.<anonymous>",
      name: "getLeft",
    });
    expect(splitMethodKey("X.java:A.<local:H@run()>#v()")).toEqual({ className: "A.<local:H>", name: "v" });
    expect(splitMethodKey("X.java:A.<local:H>#v()")).toEqual({ className: "A.<local:H>", name: "v" });
  });
});
