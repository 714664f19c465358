import type { ColumnType, Generated } from "kysely";

/** pg returns int8 and numeric as strings; SQLite returns numbers. */
type Int8 = ColumnType<number | string, number, number>;

export interface ScoreCacheTable {
  model_id: string;
  prompt_hash: string;
  score: number;
  created_at: string;
}

export interface PostedCommentTable {
  repo: string;
  pull_number: number;
  method_key: string;
  body_hash: string;
  comment_id: Int8;
  comment_node_id: string;
  thread_node_id: string | null;
  path: string;
  line: number;
  score: number;
  state: string;
  head_sha: string;
  created_at: string;
}

export interface FeedbackTable {
  id: Generated<number>;
  repo: string;
  pull_number: number;
  method_key: string;
  signal: string;
  label: number;
  description: string | null;
  code: string;
  signature: string;
  score: number | null;
  created_at: string;
}

export interface RateHitTable {
  id: Generated<number>;
  bucket: string;
  at_ms: Int8;
}

/** The SQLite queue's durable jobs (PostgreSQL keeps jobs in pg-boss). */
export interface JobTable {
  id: string;
  type: string;
  delivery_id: string;
  supersede_key: string | null;
  payload: string;
  /** queued | running | done | failed | dead | superseded */
  state: string;
  attempt: number;
  run_after_ms: Int8;
  lease_owner: string | null;
  lease_expires_ms: Int8 | null;
  superseded_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  /** Round-robin group (installation) and lane (pull request); null: the job's own. */
  fair_group: string | null;
  fair_lane: string | null;
  /** JSON JobTurn of a job that yielded its worker; null before its first yield. */
  turn: string | null;
}

/** Both queues: when each round-robin group ("g:...") and lane ("l:...") was last served (ms, increasing). */
export interface FairTurnTable {
  turn_key: string;
  served: Int8;
}

/** PostgreSQL queue: one row per delivery id, so a redelivery never makes a second pg-boss job. */
export interface JobDeliveryTable {
  delivery_id: string;
  job_id: string;
  created_at: string;
}

/** PostgreSQL queue: the newest job of each supersede key. */
export interface JobHeadTable {
  supersede_key: string;
  job_id: string;
  updated_at: string;
}

export interface Database {
  score_cache: ScoreCacheTable;
  posted_comments: PostedCommentTable;
  feedback: FeedbackTable;
  rate_hits: RateHitTable;
  jobs: JobTable;
  job_deliveries: JobDeliveryTable;
  job_heads: JobHeadTable;
  fair_turns: FairTurnTable;
}
