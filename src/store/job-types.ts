/** The jobs the store keeps for the durable queue (queue/ re-exports these; the store never imports queue/). */
export interface JobInput {
  /** "review" | "regenerate" | "command" | ... */
  type: string;
  /** GitHub delivery id (X-GitHub-Delivery): the same id never makes two jobs. */
  deliveryId: string;
  /** Jobs with the same supersede key (e.g. "owner/repo#12:review") are superseded by a newer one. */
  supersedeKey?: string;
  payload: Record<string, unknown>;
  /** Who the job is fair to: jobs are taken round-robin across groups (installations), then lanes (PRs). */
  fair?: JobFairness;
}

/** A job's place in the round-robin: a group (an installation) and a lane inside it (a pull request). */
export interface JobFairness {
  group: string;
  lane: string;
}

/** What a job that yielded its worker (judged a slice, others were waiting) carries into its next turn. */
export interface JobTurn {
  /** Turns taken so far. */
  count: number;
  /** Time spent running, summed over the turns (the job's time budget counts this, not the waits). */
  spentMs: number;
  /** The handler's own progress (a check run id, how far it got). */
  state: Record<string, unknown>;
}

export interface Job extends JobInput {
  id: string;
  attempt: number;
  createdAt: string;
  /** Present once the job has yielded at least once: it continues where it stopped. */
  turn?: JobTurn;
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
