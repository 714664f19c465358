import { describe, expect, it } from "vitest";
import { decideOutcome, retryDelaySeconds } from "../../../src/queue/decide-outcome.js";
import { FatalJobError, RetryableError } from "../../../src/queue/types.js";

const base = {
  ok: false,
  superseded: false,
  shuttingDown: false,
  attempt: 1,
  maxAttempts: 3,
  backoffSeconds: 10,
};

describe("decideOutcome", () => {
  it("prefers superseded, then done, then released on shutdown", () => {
    expect(decideOutcome({ ...base, ok: true, superseded: true })).toEqual({ kind: "superseded" });
    expect(decideOutcome({ ...base, ok: true, shuttingDown: true })).toEqual({ kind: "done" });
    expect(decideOutcome({ ...base, error: new Error("aborted"), shuttingDown: true })).toEqual({
      kind: "released",
    });
  });

  it("fails fatal errors at once and retries the rest until the last attempt", () => {
    expect(decideOutcome({ ...base, error: new FatalJobError("bad config\nstack") })).toEqual({
      kind: "failed",
      error: "bad config",
    });
    expect(decideOutcome({ ...base, error: new Error("ECONNRESET") })).toEqual({
      kind: "retry",
      error: "ECONNRESET",
      delaySeconds: 10,
    });
    expect(decideOutcome({ ...base, attempt: 3, error: new RetryableError("502") })).toEqual({
      kind: "dead",
      error: "502 (after 3 attempts)",
    });
    expect(
      decideOutcome({ ...base, attempt: 2, error: new RetryableError("rate limited", 60) }),
    ).toMatchObject({
      kind: "retry",
      delaySeconds: 60,
    });
  });
});

describe("retryDelaySeconds", () => {
  it("doubles per attempt, honours retry-after, and caps at an hour", () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a, 5))).toEqual([5, 10, 20, 40]);
    expect(retryDelaySeconds(4, 5, 0)).toBe(0);
    expect(retryDelaySeconds(1, 5, Number.NaN)).toBe(5);
    expect(retryDelaySeconds(30, 5)).toBe(3600);
    expect(retryDelaySeconds(1, 5, 7200)).toBe(3600);
  });
});
