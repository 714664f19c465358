import { describe, expect, it } from "vitest";
import { withJobDeadline } from "../../../src/app/with-job-deadline.js";
import { parseRepoConfig } from "../../../src/config/parse-repo-config.js";
import { readJobBudgets } from "../../../src/config/read-server-env.js";
import { createJobDeadline } from "../../../src/queue/create-job-deadline.js";
import { decideOutcome } from "../../../src/queue/decide-outcome.js";
import { describeJobBudget } from "../../../src/queue/describe-job-budget.js";
import { formatSeconds } from "../../../src/queue/format-seconds.js";
import { resolveJobBudget } from "../../../src/queue/resolve-job-budget.js";
import { type JobContext, JobTimeoutError } from "../../../src/queue/types.js";

const server = { seconds: 900, source: "JOB_TIMEOUT_REVIEW_S" };

describe("job budgets", () => {
  it("defaults per job type: review 15 min, command 10 min, feedback 2 min", () => {
    expect(readJobBudgets({})).toEqual({
      review: { seconds: 900, source: "JOB_TIMEOUT_REVIEW_S" },
      command: { seconds: 600, source: "JOB_TIMEOUT_COMMAND_S" },
      feedback: { seconds: 120, source: "JOB_TIMEOUT_FEEDBACK_S" },
    });
  });

  it("takes each type's environment variable, in seconds", () => {
    const budgets = readJobBudgets({ JOB_TIMEOUT_REVIEW_S: "3600", JOB_TIMEOUT_COMMAND_S: "2.5" });
    expect(budgets.review).toEqual({ seconds: 3600, source: "JOB_TIMEOUT_REVIEW_S" });
    expect(budgets.command).toEqual({ seconds: 2.5, source: "JOB_TIMEOUT_COMMAND_S" });
    expect(budgets.feedback.seconds).toBe(120);
  });

  it.each(["0", "-5", "ten", "Infinity"])("refuses JOB_TIMEOUT_FEEDBACK_S=%s in one line", (value) => {
    expect(() => readJobBudgets({ JOB_TIMEOUT_FEEDBACK_S: value })).toThrow(
      `JOB_TIMEOUT_FEEDBACK_S must be a number of seconds > 0, got "${value}"`,
    );
  });

  it("a job that took turns keeps one budget: the time its earlier turns ran counts, not its waits", async () => {
    const budget = { seconds: 1, source: "JOB_TIMEOUT_REVIEW_S" };
    const resumed = createJobDeadline("review", budget, 900);
    const fresh = createJobDeadline("review", budget);
    const t0 = performance.now();
    const reason = await resumed.expired;
    expect(performance.now() - t0).toBeLessThan(600);
    expect(reason).toBeInstanceOf(JobTimeoutError);
    expect(fresh.signal.aborted).toBe(false);
    fresh.clear();
  });

  it("a repository's key shortens the server's budget, never lengthens it", () => {
    const key = "limits.review_timeout_s";
    expect(resolveJobBudget(server, { seconds: null, source: key })).toBe(server);
    expect(resolveJobBudget(server, { seconds: 60, source: key })).toEqual({ seconds: 60, source: key });
    expect(resolveJobBudget(server, { seconds: 900, source: key })).toBe(server);
    expect(resolveJobBudget(server, { seconds: 36_000, source: key })).toBe(server);
  });

  it("the repo keys default to null (the server's) and take whole seconds >= 1", () => {
    const parsed = (raw: unknown) => {
      const r = parseRepoConfig(raw);
      return r.ok ? r.config.limits : r.error;
    };
    expect(parsed(null)).toEqual({ review_timeout_s: null, regenerate_timeout_s: null });
    expect(parsed({ limits: { regenerate_timeout_s: 30 } })).toEqual({
      review_timeout_s: null,
      regenerate_timeout_s: 30,
    });
    expect(parsed({ limits: { review_timeout_s: 0 } })).toMatch(/key "limits\.review_timeout_s"/);
  });

  it("reads as a duration and says where it is set", () => {
    expect([2, 90, 150, 600, 900, 7200, 5400].map(formatSeconds)).toEqual([
      "2 s",
      "90 s",
      "150 s",
      "10 min",
      "15 min",
      "2 h",
      "90 min",
    ]);
    expect(describeJobBudget(server)).toBe("15 min (the budget set by `JOB_TIMEOUT_REVIEW_S` on the server)");
    expect(describeJobBudget({ seconds: 60, source: "limits.review_timeout_s" })).toBe(
      "60 s (the budget set by `limits.review_timeout_s` in `.github/java-judge.yml`)",
    );
  });
});

describe("createJobDeadline", () => {
  it("aborts its signal with a JobTimeoutError when the budget runs out", async () => {
    const deadline = createJobDeadline("command", { seconds: 0.05, source: "JOB_TIMEOUT_COMMAND_S" });
    const started = performance.now();
    const error = await deadline.expired;
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(deadline.signal.reason).toBe(error);
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error.message).toBe("the command job ran past its time budget of 0.1 s (JOB_TIMEOUT_COMMAND_S)");
    // Fatal: the queue fails it instead of retrying.
    const outcome = decideOutcome({
      ok: false,
      error,
      superseded: false,
      shuttingDown: false,
      attempt: 1,
      maxAttempts: 5,
      backoffSeconds: 1,
    });
    expect(outcome.kind).toBe("failed");
  });

  it("a repository's shorter budget counts from the job's start; a longer one is ignored", async () => {
    const deadline = createJobDeadline("review", server);
    deadline.limit(3600, "limits.review_timeout_s");
    expect(deadline.budget()).toBe(server);
    deadline.limit(0.05, "limits.review_timeout_s");
    expect(deadline.budget()).toEqual({ seconds: 0.05, source: "limits.review_timeout_s" });
    const error = await deadline.expired;
    expect(error.budget.source).toBe("limits.review_timeout_s");
    deadline.clear();
  });

  it("clear() stops the timer: a finished job never times out", async () => {
    const deadline = createJobDeadline("review", { seconds: 0.02, source: "X" });
    deadline.clear();
    await new Promise((r) => setTimeout(r, 50));
    expect(deadline.signal.aborted).toBe(false);
  });
});

describe("withJobDeadline", () => {
  const ctx = (): JobContext => ({
    job: { id: "1", type: "command", deliveryId: "d", payload: {}, attempt: 1, createdAt: "" },
    signal: new AbortController().signal,
    isSuperseded: async () => false,
  });
  const budget = { seconds: 0.05, source: "JOB_TIMEOUT_COMMAND_S" };

  it("gives the handler the deadline; an abort it obeys ends the job with the JobTimeoutError", async () => {
    const handler = withJobDeadline(
      async (c) => {
        await new Promise((_, reject) =>
          c.deadline?.signal.addEventListener("abort", () => reject(c.deadline?.signal.reason)),
        );
      },
      { jobType: "command", budget },
    );
    await expect(handler(ctx())).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it("leaves a handler that ignores the abort behind, so the worker can take the next job", async () => {
    const warnings: string[] = [];
    const handler = withJobDeadline(() => new Promise<void>(() => {}), {
      jobType: "command",
      budget,
      abandonAfterMs: 50,
      log: { warn: (m) => warnings.push(m) },
    });
    const started = performance.now();
    await expect(handler(ctx())).rejects.toThrow("ran past its time budget of 0.1 s");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(warnings).toEqual(["job 1 (command) ignored its deadline for 0.05 s; the worker moves on"]);
  });

  it("a job that ends in time is untouched", async () => {
    const handler = withJobDeadline(async () => {}, { jobType: "command", budget });
    await expect(handler(ctx())).resolves.toBeUndefined();
  });
});
