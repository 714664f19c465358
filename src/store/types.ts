/** The store: the only place with SQL. Implemented with Kysely over better-sqlite3 and pg. */
export interface ScoreCache {
  getScore(modelId: string, promptHash: string): Promise<number | undefined>;
  putScore(modelId: string, promptHash: string, score: number): Promise<void>;
}

/** A bot comment the app has posted on a PR, keyed by method key; the state across pushes. */
export interface PostedComment {
  repo: string; // owner/name
  pullNumber: number;
  methodKey: string;
  bodyHash: string;
  commentId: number;
  /** GraphQL node ids, for resolving threads and minimizing comments. */
  commentNodeId: string;
  threadNodeId: string | null;
  path: string;
  line: number;
  score: number;
  /** "open" | "resolved" | "outdated" */
  state: string;
  headSha: string;
  createdAt: string;
}

export interface FeedbackRecord {
  repo: string;
  pullNumber: number;
  methodKey: string;
  /** e.g. "reaction:+1", "reaction:-1", "thread-resolved", "suggestion-committed", "changed-after-flag" */
  signal: string;
  /** 1 = the method is correct (the bot was wrong to flag), 0 = incorrect. */
  label: 0 | 1;
  description: string | null;
  code: string;
  signature: string;
  score: number | null;
  createdAt: string;
}

export interface Store extends ScoreCache {
  readonly kind: "sqlite" | "postgres";
  listComments(repo: string, pullNumber: number): Promise<PostedComment[]>;
  upsertComment(c: PostedComment): Promise<void>;
  setCommentState(
    repo: string,
    pullNumber: number,
    methodKey: string,
    commentId: number,
    state: string,
  ): Promise<void>;
  findCommentById(repo: string, commentId: number): Promise<PostedComment | undefined>;
  addFeedback(f: FeedbackRecord): Promise<void>;
  listFeedback(): Promise<FeedbackRecord[]>;
  /** Counts an event in a sliding window (rate limits); returns the count in the window including this one. */
  hit(bucket: string, windowSeconds: number, now: Date): Promise<number>;
  close(): Promise<void>;
}
