import { type Kysely, type Selectable, sql } from "kysely";
import { connectDatabase } from "./connect-database.js";
import { createFairTurns, type FairTurns, fairTurnKeys } from "./create-fair-turns.js";
import { createJobInserter } from "./create-job-inserter.js";
import type { JobOutcome, LeaseState } from "./job-outcome.js";
import type { EnqueueResult, Job, JobInput, JobTurn, QueueCounts } from "./job-types.js";
import type { Database, JobTable } from "./schema.js";

/** The SQLite queue's job table. Every write that ends a run is guarded by the lease owner. */
export interface JobRepository {
  insert(input: JobInput, id: string, now: Date): Promise<EnqueueResult>;
  claim(params: { owner: string; now: Date; leaseMs: number; maxAttempts: number }): Promise<Job | undefined>;
  renew(params: { jobId: string; owner: string; now: Date; leaseMs: number }): Promise<LeaseState>;
  settle(params: { jobId: string; owner: string; outcome: JobOutcome; now: Date }): Promise<boolean>;
  isSuperseded(jobId: string): Promise<boolean>;
  /** Is a job other than this one queued and due since at least minWaitMs (no idle worker took it)? */
  othersWaiting(params: { jobId: string; now: Date; minWaitMs: number }): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export async function openJobRepository(databaseUrl: string): Promise<JobRepository> {
  const connection = await connectDatabase(databaseUrl);
  const { db, sqlite } = connection;
  if (!sqlite) {
    await connection.close();
    throw new Error(`the SQLite job queue needs a sqlite: DATABASE_URL, got ${connection.target.kind}`);
  }
  const insert = createJobInserter(db, sqlite, toJob);
  const turns = createFairTurns();
  return {
    insert,
    claim: (params) => claimJob(db, turns, params),
    async renew({ jobId, owner, now, leaseMs }) {
      const row = await db
        .updateTable("jobs")
        .set({ lease_expires_ms: now.getTime() + leaseMs, updated_at: now.toISOString() })
        .where("id", "=", jobId)
        .where("lease_owner", "=", owner)
        .where("state", "=", "running")
        .returning("superseded_by")
        .executeTakeFirst();
      if (!row) return "lost";
      return row.superseded_by === null ? "ok" : "superseded";
    },
    settle: (params) => settleJob(db, params),
    async othersWaiting({ jobId, now, minWaitMs }) {
      const row = await db
        .selectFrom("jobs")
        .select("id")
        .where("state", "=", "queued")
        .where("run_after_ms", "<=", now.getTime() - minWaitMs)
        .where("id", "!=", jobId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async isSuperseded(jobId) {
      const row = await db
        .selectFrom("jobs")
        .select(["state", "superseded_by"])
        .where("id", "=", jobId)
        .executeTakeFirst();
      return row !== undefined && (row.superseded_by !== null || row.state === "superseded");
    },
    async counts() {
      const rows = await db
        .selectFrom("jobs")
        .select(["state", (eb) => eb.fn.countAll<number | string>().as("n")])
        .groupBy("state")
        .execute();
      const counts: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0, dead: 0, superseded: 0 };
      for (const r of rows) if (r.state in counts) counts[r.state as keyof QueueCounts] = Number(r.n);
      return counts;
    },
    close: () => connection.close(),
  };
}

async function claimJob(
  db: Kysely<Database>,
  turns: FairTurns,
  p: { owner: string; now: Date; leaseMs: number; maxAttempts: number },
): Promise<Job | undefined> {
  const nowMs = p.now.getTime();
  // A lease that expired on the last allowed attempt (the worker died every time) goes to the dead letters.
  await db
    .updateTable("jobs")
    .set({
      state: "dead",
      lease_owner: null,
      last_error: "the worker stopped renewing its lease (killed?) on the last attempt",
      updated_at: p.now.toISOString(),
    })
    .where("state", "=", "running")
    .where("lease_expires_ms", "<", nowMs)
    .where("attempt", ">=", p.maxAttempts)
    .execute();
  const row = await db
    .updateTable("jobs")
    .set({
      state: "running",
      attempt: sql`attempt + 1`,
      lease_owner: p.owner,
      lease_expires_ms: nowMs + p.leaseMs,
      updated_at: p.now.toISOString(),
    })
    // Round-robin: the group (installation) served least recently, then its lane (pull request), then age.
    .where(
      "id",
      "=",
      sql<string>`(select j.id from jobs j
        left join fair_turns g on g.turn_key = 'g:' || coalesce(j.fair_group, '')
        left join fair_turns l on l.turn_key = 'l:' || coalesce(j.fair_lane, j.id)
        where (j.state = 'queued' and j.run_after_ms <= ${nowMs})
          or (j.state = 'running' and j.lease_expires_ms < ${nowMs})
        order by coalesce(g.served, 0), coalesce(l.served, 0), j.run_after_ms, j.created_at
        limit 1)`,
    )
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  const job = toJob(row);
  await turns.markServed(db, fairTurnKeys(job.id, job.fair), nowMs);
  return job;
}

async function settleJob(
  db: Kysely<Database>,
  p: { jobId: string; owner: string; outcome: JobOutcome; now: Date },
): Promise<boolean> {
  const o = p.outcome;
  const base = { lease_owner: null, lease_expires_ms: null, updated_at: p.now.toISOString() };
  const changes =
    o.kind === "retry"
      ? {
          ...base,
          state: "queued",
          last_error: o.error,
          run_after_ms: p.now.getTime() + o.delaySeconds * 1000,
        }
      : o.kind === "released"
        ? { ...base, state: "queued", run_after_ms: p.now.getTime(), attempt: sql<number>`attempt - 1` }
        : o.kind === "yielded"
          ? {
              ...base,
              state: "queued",
              run_after_ms: p.now.getTime(),
              attempt: sql<number>`attempt - 1`,
              turn: JSON.stringify(o.turn),
            }
          : o.kind === "failed" || o.kind === "dead"
            ? { ...base, state: o.kind, last_error: o.error }
            : { ...base, state: o.kind };
  const result = await db
    .updateTable("jobs")
    .set(changes)
    .where("id", "=", p.jobId)
    .where("lease_owner", "=", p.owner)
    .where("state", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toJob(r: Selectable<JobTable>): Job {
  return {
    id: r.id,
    type: r.type,
    deliveryId: r.delivery_id,
    ...(r.supersede_key === null ? {} : { supersedeKey: r.supersede_key }),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    attempt: r.attempt,
    createdAt: r.created_at,
    ...(r.fair_group === null || r.fair_lane === null
      ? {}
      : { fair: { group: r.fair_group, lane: r.fair_lane } }),
    ...(r.turn === null ? {} : { turn: JSON.parse(r.turn) as JobTurn }),
  };
}
