import type { JobOutcome, LeaseState } from "../store/job-outcome.js";
import type { EnqueueResult, Job, JobInput, QueueCounts } from "./types.js";

/** What the shared worker loop needs from a storage engine (SQLite table or pg-boss). */
export interface QueueBackend {
  readonly kind: "sqlite" | "postgres";
  enqueue(input: JobInput): Promise<EnqueueResult>;
  /**
   * Takes the next runnable job (queued and due, or its lease expired) with a fresh lease, round-robin: the
   * group (installation) served least recently, then its lane (pull request), then the oldest.
   */
  claim(owner: string): Promise<Job | undefined>;
  renew(job: Job, owner: string): Promise<LeaseState>;
  /** Records how the run ended; false when the lease was no longer ours (nothing written). */
  settle(job: Job, owner: string, outcome: JobOutcome): Promise<boolean>;
  isSuperseded(job: Job): Promise<boolean>;
  /** Is another job runnable since at least minWaitMs (so no idle worker is taking it)? */
  othersWaiting(job: Job, minWaitMs: number): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export interface QueueSettings {
  leaseSeconds: number;
  maxAttempts: number;
  backoffSeconds: number;
  pollMs: number;
}
