import type { JobOutcome, LeaseState } from "../store/job-outcome.js";
import type { EnqueueResult, Job, JobInput, QueueCounts } from "./types.js";

/** What the shared worker loop needs from a storage engine (SQLite table or pg-boss). */
export interface QueueBackend {
  readonly kind: "sqlite" | "postgres";
  enqueue(input: JobInput): Promise<EnqueueResult>;
  /** Takes the next runnable job (queued and due, or its lease expired) with a fresh lease. */
  claim(owner: string): Promise<Job | undefined>;
  renew(job: Job, owner: string): Promise<LeaseState>;
  /** Records how the run ended; false when the lease was no longer ours (nothing written). */
  settle(job: Job, owner: string, outcome: JobOutcome): Promise<boolean>;
  isSuperseded(job: Job): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export interface QueueSettings {
  leaseSeconds: number;
  maxAttempts: number;
  backoffSeconds: number;
  pollMs: number;
}
