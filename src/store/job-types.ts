/** The jobs the store keeps for the durable queue (queue/ re-exports these; the store never imports queue/). */
export interface JobInput {
  /** "review" | "regenerate" | "command" | ... */
  type: string;
  /** GitHub delivery id (X-GitHub-Delivery): the same id never makes two jobs. */
  deliveryId: string;
  /** Jobs with the same supersede key (e.g. "owner/repo#12:review") are superseded by a newer one. */
  supersedeKey?: string;
  payload: Record<string, unknown>;
}

export interface Job extends JobInput {
  id: string;
  attempt: number;
  createdAt: string;
}

export interface EnqueueResult {
  id: string;
  /** false when a job with this delivery id already exists. */
  created: boolean;
  /** Ids of older jobs this one superseded (still queued, or running: those are asked to stop). */
  superseded: Job[];
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
  dead: number;
  superseded: number;
}
