import type { JobTurn } from "./job-types.js";

/** How a job's run ended, as the queue decided; the repositories turn it into state. */
export type JobOutcome =
  | { kind: "done" }
  | { kind: "superseded" }
  | { kind: "failed"; error: string }
  | { kind: "dead"; error: string }
  | { kind: "retry"; error: string; delaySeconds: number }
  /** Handed back unfinished (shutdown): claimable at once, the attempt not counted. */
  | { kind: "released" }
  /** Gave its worker up between slices (others were waiting): queued again, the attempt not counted. */
  | { kind: "yielded"; turn: JobTurn };

/** What a lease renewal found. */
export type LeaseState = "ok" | "lost" | "superseded";
