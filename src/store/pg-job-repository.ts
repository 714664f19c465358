import { CompiledQuery, type Kysely, sql, type Transaction } from "kysely";
import { type BossJobData, bossSchemaFor, fromBossJob } from "./boss-job-data.js";
import { connectDatabase } from "./connect-database.js";
import { createFairTurns, fairTurnKeys } from "./create-fair-turns.js";
import type { JobOutcome, LeaseState } from "./job-outcome.js";
import type { EnqueueResult, Job, JobInput, QueueCounts } from "./job-types.js";
import type { Database } from "./schema.js";

/** What pg-boss calls `db`: lets its send/complete/fail/cancel run inside our transaction. */
export interface BossExecutor {
  // biome-ignore lint/suspicious/noExplicitAny: pg-boss's own Db type
  executeSql(text: string, values: any[]): Promise<{ rows: any[] }>;
}

/** pg-boss's calls the settle step needs, run inside the lease-checking transaction. */
export interface BossCalls {
  complete(db: BossExecutor): Promise<void>;
  fail(db: BossExecutor, output: { outcome: string; error: string }): Promise<void>;
  cancel(db: BossExecutor, ids: string[]): Promise<void>;
}

/** A run of a pg-boss job is identified by its id and retry count (the count moves on at each re-fetch). */
export interface PgLease {
  jobId: string;
  retryCount: number;
}

export interface PgJobRepository {
  enqueue(p: {
    input: JobInput;
    id: string;
    now: Date;
    calls: BossCalls;
    send(db: BossExecutor): Promise<void>;
  }): Promise<EnqueueResult>;
  renew(lease: PgLease, supersedeKey: string | undefined): Promise<LeaseState>;
  /**
   * pg-boss's fetch with our order: the group (installation) served least recently, then its lane (pull request),
   * then age; marks the job active like pg-boss does (a re-fetch after a lease expiry counts a retry).
   */
  claim(): Promise<Job | undefined>;
  settle(lease: PgLease, outcome: JobOutcome, calls: BossCalls): Promise<boolean>;
  /** Is a job other than this one waiting and due since at least minWaitMs (no idle worker took it)? */
  othersWaiting(jobId: string, minWaitMs: number): Promise<boolean>;
  isSuperseded(jobId: string, supersedeKey: string | undefined): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL queue's own tables (deliveries, supersede heads) and the few statements on pg-boss's job
 * table its API lacks in v10: lease renewal, release without spending an attempt, no retry for a fatal error,
 * a retry delay the error chose, counts by state.
 */
export async function openPgJobRepository(databaseUrl: string, queueName: string): Promise<PgJobRepository> {
  const connection = await connectDatabase(databaseUrl);
  const { db, target } = connection;
  if (target.kind !== "postgres") throw new Error("openPgJobRepository needs a postgres:// DATABASE_URL");
  const job = sql.id(bossSchemaFor(target.schema), "job");
  const executor = (trx: Transaction<Database>): BossExecutor => ({
    async executeSql(text, values) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  });
  const turns = createFairTurns();
  const isSuperseded = async (q: Kysely<Database>, jobId: string, key: string | undefined) => {
    if (key === undefined) return false;
    const head = await q
      .selectFrom("job_heads")
      .select("job_id")
      .where("supersede_key", "=", key)
      .executeTakeFirst();
    return head !== undefined && head.job_id !== jobId;
  };

  return {
    enqueue: ({ input, id, now, calls, send }) =>
      db.transaction().execute(async (trx) => {
        const at = now.toISOString();
        const inserted = await trx
          .insertInto("job_deliveries")
          .values({ delivery_id: input.deliveryId, job_id: id, created_at: at })
          .onConflict((oc) => oc.column("delivery_id").doNothing())
          .returning("job_id")
          .executeTakeFirst();
        if (!inserted) {
          const existing = await trx
            .selectFrom("job_deliveries")
            .select("job_id")
            .where("delivery_id", "=", input.deliveryId)
            .executeTakeFirstOrThrow();
          return { id: existing.job_id, created: false, superseded: [] };
        }
        await send(executor(trx));
        const superseded: Job[] = [];
        const key = input.supersedeKey;
        if (key !== undefined) {
          const olderId = await replaceHead(trx, key, id, at);
          const older = olderId === undefined ? undefined : await readLiveJob(trx, olderId);
          if (older) {
            superseded.push(fromBossJob(olderId as string, older.data, older.retry_count));
            // A queued job ends here; a running one learns at its next lease renewal; one that has taken turns
            // stays queued, so that its next turn closes what the earlier ones opened (its check run).
            if (older.state !== "active" && older.data.turn === undefined)
              await calls.cancel(executor(trx), [olderId as string]);
          }
        }
        return { id, created: true, superseded };
      }),

    async renew(lease, supersedeKey) {
      const renewed = await sql<{ id: string }>`
        update ${job} set started_on = now()
        where name = ${queueName} and id = ${lease.jobId}::uuid and state = 'active' and retry_count = ${lease.retryCount}
        returning id`.execute(db);
      if (renewed.rows.length === 0) return "lost";
      return (await isSuperseded(db, lease.jobId, supersedeKey)) ? "superseded" : "ok";
    },

    claim: () =>
      db.transaction().execute(async (trx) => {
        const claimed = await sql<{ id: string; data: BossJobData; retry_count: number; now_ms: string }>`
          with next as (
            select j.id from ${job} j
            left join fair_turns g on g.turn_key = 'g:' || coalesce(j.data->'fair'->>'group', '')
            left join fair_turns l on l.turn_key = 'l:' || coalesce(j.data->'fair'->>'lane', j.id::text)
            where j.name = ${queueName} and j.state < 'active' and j.start_after < now()
            order by coalesce(g.served, 0), coalesce(l.served, 0), j.created_on, j.id
            limit 1
            for update of j skip locked
          )
          update ${job} j set state = 'active', started_on = now(),
            retry_count = case when j.started_on is not null then j.retry_count + 1 else j.retry_count end
          from next where j.name = ${queueName} and j.id = next.id
          returning j.id, j.data, j.retry_count, (extract(epoch from clock_timestamp()) * 1000)::bigint as now_ms`.execute(
          trx,
        );
        const row = claimed.rows[0];
        if (!row) return undefined;
        await turns.markServed(trx, fairTurnKeys(row.id, row.data.fair), Number(row.now_ms));
        return fromBossJob(row.id, row.data, row.retry_count);
      }),

    async othersWaiting(jobId, minWaitMs) {
      const rows = await sql<{ id: string }>`
        select id from ${job} where name = ${queueName} and state < 'active' and id != ${jobId}::uuid
          and start_after <= now() - make_interval(secs => ${minWaitMs / 1000}) limit 1`.execute(db);
      return rows.rows.length > 0;
    },

    settle: (lease, outcome, calls) =>
      db.transaction().execute(async (trx) => {
        const where = sql`name = ${queueName} and id = ${lease.jobId}::uuid and state = 'active' and retry_count = ${lease.retryCount}`;
        const owned = await sql`select id from ${job} where ${where} for update`.execute(trx);
        if (owned.rows.length === 0) return false;
        const db2 = executor(trx);
        switch (outcome.kind) {
          case "done":
            await calls.complete(db2);
            break;
          case "superseded":
            await calls.cancel(db2, [lease.jobId]);
            break;
          case "released":
            // started_on null: pg-boss's next fetch does not count this as a retry.
            await sql`update ${job} set state = 'retry', started_on = null, start_after = now() where ${where}`.execute(
              trx,
            );
            break;
          case "yielded":
            // As released, with the turn kept in the job's data for the next one.
            await sql`update ${job} set state = 'retry', started_on = null, start_after = now(),
              data = jsonb_set(data, '{turn}', ${JSON.stringify(outcome.turn)}::jsonb) where ${where}`.execute(
              trx,
            );
            break;
          case "failed":
          case "dead":
            await sql`update ${job} set retry_limit = retry_count where ${where}`.execute(trx);
            await calls.fail(db2, { outcome: outcome.kind, error: outcome.error });
            break;
          case "retry":
            await calls.fail(db2, { outcome: "retry", error: outcome.error });
            await sql`update ${job} set start_after = now() + make_interval(secs => ${outcome.delaySeconds})
              where name = ${queueName} and id = ${lease.jobId}::uuid and state = 'retry'`.execute(trx);
            break;
        }
        return true;
      }),

    isSuperseded: (jobId, key) => isSuperseded(db, jobId, key),

    async counts() {
      const rows = await sql<{ state: string; outcome: string | null; n: number }>`
        select state::text as state, output->>'outcome' as outcome, count(*)::int as n
        from ${job} where name = ${queueName} group by 1, 2`.execute(db);
      const counts: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0, dead: 0, superseded: 0 };
      for (const r of rows.rows) {
        const bucket = countBucket(r.state, r.outcome);
        if (bucket) counts[bucket] += r.n;
      }
      return counts;
    },

    close: () => connection.close(),
  };

  async function readLiveJob(trx: Transaction<Database>, id: string) {
    const rows = await sql<{ data: BossJobData; state: string; retry_count: number }>`
      select data, state::text as state, retry_count from ${job}
      where name = ${queueName} and id = ${id}::uuid and state in ('created', 'retry', 'active')`.execute(
      trx,
    );
    return rows.rows[0];
  }
}

/** Makes `id` the newest job of `key`; returns the job it replaced. Row locks order concurrent enqueues. */
async function replaceHead(
  trx: Transaction<Database>,
  key: string,
  id: string,
  at: string,
): Promise<string | undefined> {
  const fresh = await trx
    .insertInto("job_heads")
    .values({ supersede_key: key, job_id: id, updated_at: at })
    .onConflict((oc) => oc.column("supersede_key").doNothing())
    .returning("job_id")
    .executeTakeFirst();
  if (fresh) return undefined;
  const head = await trx
    .selectFrom("job_heads")
    .select("job_id")
    .where("supersede_key", "=", key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("job_heads")
    .set({ job_id: id, updated_at: at })
    .where("supersede_key", "=", key)
    .execute();
  return head.job_id;
}

function countBucket(state: string, outcome: string | null): keyof QueueCounts | undefined {
  switch (state) {
    case "created":
    case "retry":
      return "queued";
    case "active":
      return "running";
    case "completed":
      return "done";
    case "cancelled":
      return "superseded";
    case "failed":
      // Expired on its last attempt (pg-boss writes no outcome of ours) counts as dead too.
      return outcome === "failed" ? "failed" : "dead";
    default:
      return undefined;
  }
}
