import type SqliteDatabase from "better-sqlite3";
import type { Kysely, Selectable } from "kysely";
import type { EnqueueResult, Job, JobInput } from "./job-types.js";
import type { Database, JobTable } from "./schema.js";

// Raw statements, prepared once: the enqueue is the webhook's hot path, and Kysely's builder, compiler and
// per-run prepare cost more than the insert itself. One statement supersedes: queued jobs end there, running
// ones keep their lease and learn at their next renewal; a queued job that has taken turns already stays queued,
// marked, so that its next turn closes what its earlier ones opened (its check run).
const INSERT_JOB = `insert into jobs (id, type, delivery_id, supersede_key, payload, state, attempt, run_after_ms,
  created_at, updated_at, fair_group, fair_lane) values (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?)
  on conflict (delivery_id) do nothing returning id`;
const SELECT_BY_DELIVERY = "select id from jobs where delivery_id = ?";
const SUPERSEDE_OLDER = `update jobs set superseded_by = ?, updated_at = ?,
  state = case when state = 'queued' and turn is null then 'superseded' else state end
  where supersede_key = ? and state in ('queued', 'running') and superseded_by is null and id != ?
  returning *`;

export type InsertJob = (input: JobInput, id: string, now: Date) => Promise<EnqueueResult>;

interface Pending {
  input: JobInput;
  id: string;
  now: Date;
  resolve: (r: EnqueueResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: the enqueues of one event-loop turn (every webhook read in it) share one transaction, in
 * arrival order, so dedupe and supersede see each other as if one by one. Each promise resolves only after
 * the commit, so an ack still means the job is stored.
 */
export function createJobInserter(
  db: Kysely<Database>,
  handle: SqliteDatabase.Database,
  toJob: (row: Selectable<JobTable>) => Job,
): InsertJob {
  const insert = handle.prepare(INSERT_JOB).pluck();
  const byDelivery = handle.prepare(SELECT_BY_DELIVERY).pluck();
  const supersede = handle.prepare(SUPERSEDE_OLDER);
  const writeOne = (p: Pending): EnqueueResult => {
    const at = p.now.toISOString();
    const key = p.input.supersedeKey ?? null;
    const payload = JSON.stringify(p.input.payload);
    const inserted = insert.get(
      p.id,
      p.input.type,
      p.input.deliveryId,
      key,
      payload,
      p.now.getTime(),
      at,
      at,
      p.input.fair?.group ?? null,
      p.input.fair?.lane ?? null,
    );
    if (inserted === undefined) {
      return { id: byDelivery.get(p.input.deliveryId) as string, created: false, superseded: [] };
    }
    if (key === null) return { id: p.id, created: true, superseded: [] };
    const older = supersede.all(p.id, at, key, p.id) as Selectable<JobTable>[];
    return { id: p.id, created: true, superseded: older.map(toJob) };
  };
  // BEGIN IMMEDIATE takes the write lock at once, so two processes never both see "no such delivery".
  const writeAll = handle.transaction((batch: Pending[]) => batch.map(writeOne)).immediate;
  const writeAlone = handle.transaction(writeOne).immediate;

  let pending: Pending[] = [];
  const flush = (batch: Pending[]) => {
    if (handle.inTransaction)
      throw new Error("cannot enqueue: the SQLite connection is inside a transaction");
    let results: EnqueueResult[];
    try {
      results = writeAll(batch);
    } catch (error) {
      // The file is locked by another process past busy_timeout: every job of the batch would wait again.
      if (batch.length === 1 || (error as { code?: string }).code === "SQLITE_BUSY") throw error;
      // One bad job must not fail the others: each alone, in its own transaction.
      for (const p of batch) {
        try {
          p.resolve(writeAlone(p));
        } catch (e) {
          p.reject(e);
        }
      }
      return;
    }
    for (const [i, p] of batch.entries()) p.resolve(results[i] as EnqueueResult);
  };
  const flushPending = () => {
    const batch = pending;
    pending = [];
    // Kysely's connection lock keeps its own transactions (claim, settle, the store's writes) out of ours.
    db.connection()
      .execute(async () => flush(batch))
      .catch((error: unknown) => {
        for (const p of batch) p.reject(error);
      });
  };
  return (input, id, now) =>
    new Promise<EnqueueResult>((resolve, reject) => {
      pending.push({ input, id, now, resolve, reject });
      // setImmediate runs after the poll phase, once every request read in this turn has reached here.
      if (pending.length === 1) setImmediate(flushPending);
    });
}
