import { describeError } from "../errors.js";
import type { JobOutcome } from "../store/job-outcome.js";
import type { JobTurn } from "../store/job-types.js";
import { FatalJobError, RetryableError } from "./types.js";

/** Longest wait between attempts, whatever the backoff or retry-after says. */
const MAX_DELAY_SECONDS = 3600;

/** Turns how a handler ended into the job's next state. Pure. */
export function decideOutcome(p: {
  ok: boolean;
  error?: unknown;
  superseded: boolean;
  shuttingDown: boolean;
  attempt: number;
  maxAttempts: number;
  backoffSeconds: number;
  /** The handler yielded its worker (JobTurns.yield) and returned: the turn it goes back to the queue with. */
  yielded?: JobTurn | undefined;
}): JobOutcome {
  if (p.superseded) return { kind: "superseded" };
  if (p.ok && p.yielded) return { kind: "yielded", turn: p.yielded };
  if (p.ok) return { kind: "done" };
  if (p.shuttingDown) return { kind: "released" };
  const error = describeError(p.error);
  if (p.error instanceof FatalJobError) return { kind: "failed", error };
  if (p.attempt >= p.maxAttempts) return { kind: "dead", error: `${error} (after ${p.attempt} attempts)` };
  const asked = p.error instanceof RetryableError ? p.error.retryAfterSeconds : undefined;
  return { kind: "retry", error, delaySeconds: retryDelaySeconds(p.attempt, p.backoffSeconds, asked) };
}

/** Exponential backoff (backoff, 2x, 4x, ...) unless the error said when (retry-after). */
export function retryDelaySeconds(
  attempt: number,
  backoffSeconds: number,
  retryAfterSeconds?: number,
): number {
  const delay =
    retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0
      ? retryAfterSeconds
      : backoffSeconds * 2 ** Math.max(0, attempt - 1);
  return Math.min(delay, MAX_DELAY_SECONDS);
}
