import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { describeError } from "../errors.js";
import { decideOutcome } from "./decide-outcome.js";
import type { QueueBackend, QueueSettings } from "./queue-backend.js";
import type { Job, JobHandler, QueueLogger, StopOptions, WorkerPool } from "./types.js";

/** After the grace period and the abort, how long a handler may take to notice before its job is released anyway. */
const ABORT_WAIT_MS = 5000;

interface Running {
  job: Job;
  owner: string;
  controller: AbortController;
  superseded: boolean;
  leaseLost: boolean;
  shuttingDown: boolean;
  released: boolean;
  done: Promise<void>;
}

export interface LocalWorkerPool extends WorkerPool {
  /** Wakes idle workers (a job was just enqueued in this process). */
  wake(): void;
  /** Aborts a job this pool is running because a newer one superseded it. */
  supersede(jobId: string): void;
}

export function startWorkers(p: {
  backend: QueueBackend;
  handler: JobHandler;
  concurrency: number;
  settings: QueueSettings;
  log: QueueLogger;
}): LocalWorkerPool {
  const { backend, settings, log } = p;
  const leaseMs = settings.leaseSeconds * 1000;
  // Three renewals per lease: one late or failed renewal does not lose the job.
  const renewMs = Math.min(10_000, Math.max(100, Math.floor(leaseMs / 3)));
  const running = new Map<string, Running>();
  const sleepers = new Set<() => void>();
  let stopping = false;

  const idle = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, settings.pollMs);
      sleepers.add(done);
    });
  const wake = () => {
    for (const s of [...sleepers]) s();
  };

  async function loop(owner: string): Promise<void> {
    while (!stopping) {
      let job: Job | undefined;
      try {
        job = await backend.claim(owner);
      } catch (error) {
        log.error(
          `queue: claiming a job failed (${describeError(error)}); trying again in ${settings.pollMs} ms`,
        );
      }
      if (stopping && job) {
        await settle(job, owner, { kind: "released" });
        return;
      }
      if (job) await run(job, owner);
      else await idle();
    }
  }

  async function settle(job: Job, owner: string, outcome: Parameters<QueueBackend["settle"]>[2]) {
    try {
      const ok = await backend.settle(job, owner, outcome);
      if (!ok)
        log.warn(
          `queue: job ${job.id} was no longer leased to this worker; its result (${outcome.kind}) is dropped`,
        );
    } catch (error) {
      log.error(
        `queue: recording job ${job.id} as ${outcome.kind} failed (${describeError(error)}); its lease will expire and it runs again`,
      );
    }
  }

  async function run(job: Job, owner: string): Promise<void> {
    const r: Running = {
      job,
      owner,
      controller: new AbortController(),
      superseded: false,
      leaseLost: false,
      shuttingDown: false,
      released: false,
      done: Promise.resolve(),
    };
    let finish = () => {};
    r.done = new Promise((resolve) => {
      finish = resolve;
    });
    running.set(job.id, r);
    const timer = setInterval(() => void renew(r), renewMs);
    const started = performance.now();
    let yielded: Record<string, unknown> | undefined;
    try {
      if (job.supersedeKey !== undefined && (await backend.isSuperseded(job))) r.superseded = true;
      let ok = false;
      let error: unknown;
      // A superseded job that has taken turns still runs once: it closes what its earlier turns opened.
      if (!r.superseded || job.turn !== undefined) {
        try {
          await p.handler({
            job,
            signal: r.controller.signal,
            lastAttempt: job.attempt >= settings.maxAttempts,
            isSuperseded: async () => {
              if (!r.superseded) r.superseded = await backend.isSuperseded(job);
              return r.superseded;
            },
            turns: {
              previous: job.turn,
              othersWaiting: () => backend.othersWaiting(job, settings.pollMs),
              yield: (state) => {
                yielded = state;
              },
            },
          });
          ok = true;
        } catch (e) {
          error = e;
        }
      }
      clearInterval(timer);
      if (r.leaseLost || r.released) return;
      if (!r.superseded && job.supersedeKey !== undefined) {
        r.superseded = await backend.isSuperseded(job).catch(() => false);
      }
      const turn = yielded && {
        count: (job.turn?.count ?? 0) + 1,
        spentMs: (job.turn?.spentMs ?? 0) + Math.round(performance.now() - started),
        state: yielded,
      };
      const outcome = decideOutcome({ ok, error, ...r, ...settings, attempt: job.attempt, yielded: turn });
      if (outcome.kind === "retry" || outcome.kind === "dead" || outcome.kind === "failed") {
        log.warn(
          `queue: job ${job.id} (${job.type}, attempt ${job.attempt}) -> ${outcome.kind}: ${outcome.error}`,
        );
      }
      await settle(job, owner, outcome);
    } finally {
      clearInterval(timer);
      running.delete(job.id);
      finish();
    }
  }

  async function renew(r: Running): Promise<void> {
    try {
      const state = await backend.renew(r.job, r.owner);
      if (state === "lost" && !r.released) {
        r.leaseLost = true;
        log.warn(`queue: job ${r.job.id} lost its lease (another worker took it); stopping this run`);
        r.controller.abort(new Error("the job's lease was lost"));
      } else if (state === "superseded") {
        abortSuperseded(r);
      }
    } catch (error) {
      log.warn(`queue: renewing the lease of job ${r.job.id} failed (${describeError(error)})`);
    }
  }

  function abortSuperseded(r: Running) {
    r.superseded = true;
    r.controller.abort(new Error("the job was superseded by a newer one"));
  }

  const loops = Array.from({ length: Math.max(1, p.concurrency) }, (_, i) =>
    loop(`${hostname()}:${process.pid}:${i}:${randomUUID()}`),
  );

  const settledWithin = (ms: number) =>
    Promise.race([
      Promise.all([...running.values()].map((r) => r.done)).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
    ]);

  return {
    wake,
    supersede(jobId) {
      const r = running.get(jobId);
      if (r) abortSuperseded(r);
    },
    async stop(opts: StopOptions = {}) {
      stopping = true;
      wake();
      if (!(await settledWithin(opts.graceMs ?? 20_000))) {
        for (const r of running.values()) {
          r.shuttingDown = true;
          r.controller.abort(new Error("the worker is shutting down"));
        }
        if (!(await settledWithin(ABORT_WAIT_MS))) {
          for (const r of running.values()) {
            r.released = true;
            log.warn(`queue: job ${r.job.id} ignored the abort; releasing it for another worker`);
            await settle(r.job, r.owner, { kind: "released" });
          }
          return;
        }
      }
      await Promise.all(loops);
    },
  };
}
