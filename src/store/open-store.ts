import { createCommentRepository } from "./comment-repository.js";
import { connectDatabase } from "./connect-database.js";
import { createFeedbackRepository } from "./feedback-repository.js";
import { createRateLimitRepository } from "./rate-limit-repository.js";
import { createScoreCacheRepository } from "./score-cache-repository.js";
import type { Store } from "./types.js";

/**
 * Opens the store behind DATABASE_URL (`sqlite:PATH`, `sqlite::memory:`, `postgres://...[?schema=NAME]`),
 * applying migrations first. `now` is the clock for the rows' created_at.
 */
export async function openStore(databaseUrl: string, options: { now?: () => Date } = {}): Promise<Store> {
  const connection = await connectDatabase(databaseUrl);
  const { db } = connection;
  const now = options.now ?? (() => new Date());
  return {
    kind: connection.target.kind,
    ...createScoreCacheRepository(db, now),
    ...createCommentRepository(db),
    ...createFeedbackRepository(db),
    ...createRateLimitRepository(db),
    close: () => connection.close(),
  };
}
