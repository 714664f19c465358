import type { Kysely, Transaction } from "kysely";
import type { JobFairness } from "./job-types.js";
import type { Database } from "./schema.js";

/** A group or lane not served for this long ranks as never served: its row can go. */
const FORGET_AFTER_MS = 7 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;

/** The fair_turns keys of a job: its group's and its lane's (a job without fairness is its own lane of group ""). */
export function fairTurnKeys(jobId: string, fair: JobFairness | undefined): [string, string] {
  return [`g:${fair?.group ?? ""}`, `l:${fair?.lane ?? jobId}`];
}

export interface FairTurns {
  /** Records that a claim just served these keys: they go behind every key served earlier. */
  markServed(db: Kysely<Database> | Transaction<Database>, keys: string[], nowMs: number): Promise<void>;
}

/**
 * Round-robin bookkeeping shared by both queues: `served` only grows (the later of now and the last value + 1),
 * so the claim order "least recently served group, then lane" has no ties between two claims.
 */
export function createFairTurns(): FairTurns {
  let prunedAt = 0;
  return {
    async markServed(db, keys, nowMs) {
      const last = await db
        .selectFrom("fair_turns")
        .select((eb) => eb.fn.max("served").as("served"))
        .executeTakeFirst();
      const served = Math.max(nowMs, Number(last?.served ?? 0) + 1);
      for (const key of keys) {
        await db
          .insertInto("fair_turns")
          .values({ turn_key: key, served })
          .onConflict((oc) => oc.column("turn_key").doUpdateSet({ served }))
          .execute();
      }
      if (nowMs - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = nowMs;
        await db
          .deleteFrom("fair_turns")
          .where("served", "<", nowMs - FORGET_AFTER_MS)
          .execute();
      }
    },
  };
}
