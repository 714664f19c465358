/** How a job's run ended, as the queue decided; the repositories turn it into state. */
export type JobOutcome =
  | { kind: "done" }
  | { kind: "superseded" }
  | { kind: "failed"; error: string }
  | { kind: "dead"; error: string }
  | { kind: "retry"; error: string; delaySeconds: number }
  /** Handed back unfinished (shutdown): claimable at once, the attempt not counted. */
  | { kind: "released" };

/** What a lease renewal found. */
export type LeaseState = "ok" | "lost" | "superseded";
