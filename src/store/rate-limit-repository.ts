import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Store } from "./types.js";

export function createRateLimitRepository(db: Kysely<Database>): Pick<Store, "hit"> {
  return {
    async hit(bucket, windowSeconds, now) {
      const nowMs = now.getTime();
      const since = nowMs - windowSeconds * 1000;
      return db.transaction().execute(async (trx) => {
        // Hits older than the window never count again; dropping them keeps the table small.
        await trx.deleteFrom("rate_hits").where("bucket", "=", bucket).where("at_ms", "<=", since).execute();
        await trx.insertInto("rate_hits").values({ bucket, at_ms: nowMs }).execute();
        const row = await trx
          .selectFrom("rate_hits")
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .where("bucket", "=", bucket)
          .where("at_ms", ">", since)
          .where("at_ms", "<=", nowMs)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      });
    },
  };
}
