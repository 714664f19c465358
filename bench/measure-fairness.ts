import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REVIEW_SLICE_METHODS } from "../src/app/create-review-job-handler.js";
import type { Judge } from "../src/judge/types.js";
import { javaClassOfMethods } from "../test/integration/support/java-class-of-methods.js";
import { fakePull, startPullsGitHub } from "../test/integration/support/start-pulls-github.js";
import { reviewJobOf, startReviewWorker } from "../test/integration/support/start-review-worker.js";

const pull = (installation: number, number: number, java: { base: string; head: string }) =>
  fakePull({ installation, owner: `org${installation}`, number, java });

export interface FairnessFigures {
  /** The large review under load: from its enqueue to its completed check run. */
  largeS: number;
  /** The one-method reviews, each from its enqueue (2 s after the large one's) to its completed check run. */
  smallP50S: number;
  smallMaxS: number;
  /** The same large review with nothing else queued (a fresh score cache). */
  largeAloneS: number;
  /** How much longer the large review took under load than alone. */
  overheadPct: number;
  /** The worker's time on the small reviews (their check runs' lives, GitHub's write pacing included). */
  smallWorkS: number;
  /** What turns cost the large review beyond the small reviews' own work: (largeS - smallWorkS) / largeAloneS - 1. */
  turnOverheadPct: number;
  /** Strict first-in-first-out (slices larger than the PR): what the small ones waited without turns. */
  fifoSmallMaxS: number;
  goals: { smallWithin25PctOfLarge: boolean; largeWithin10PctOfAlone: boolean };
  setup: {
    largeMethods: number;
    smallPulls: number;
    smallDelayS: number;
    sliceMethods: number;
    turnsOfLarge: number;
    workers: 1;
    queue: "sqlite";
  };
}

/**
 * One worker (SQLite queue, the real review path against a fake GitHub over HTTP, one judge): a large PR
 * enqueued first, then `smallPulls` one-method PRs of the same org `smallDelayMs` later. Each run starts with an
 * empty score cache. Three runs: the large alone, under load with turns, under load without (FIFO).
 */
export async function measureFairness(p: {
  judge: Judge;
  largeMethods: number;
  smallPulls?: number;
  smallDelayMs?: number;
  sliceMethods?: number;
  onProgress?: (msg: string) => void;
}): Promise<FairnessFigures> {
  const smallCount = p.smallPulls ?? 3;
  const delayMs = p.smallDelayMs ?? 2000;
  const slice = p.sliceMethods ?? REVIEW_SLICE_METHODS;
  const large = pull(1, 1, javaClassOfMethods({ className: "P1", count: p.largeMethods, lines: 8 }));
  const smalls = Array.from({ length: smallCount }, (_, i) =>
    pull(1, 2 + i, javaClassOfMethods({ className: `P${2 + i}`, count: 1, lines: 8 })),
  );
  const privateKey = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;

  const run = async (withSmalls: boolean, sliceMethods: number) => {
    const dir = mkdtempSync(join(tmpdir(), "jj-bench-fair-"));
    const gh = await startPullsGitHub([large, ...smalls]);
    const worker = await startReviewWorker({
      databaseUrl: `sqlite:${join(dir, "db.sqlite")}`,
      githubUrl: gh.baseUrl,
      privateKey,
      judge: p.judge,
      sliceMethods,
    });
    const enqueuedAt = new Map<string, number>();
    const timers: NodeJS.Timeout[] = [];
    try {
      const pool = await worker.work(1);
      const t0 = performance.now();
      enqueuedAt.set("org1/app#1", 0);
      await worker.queue.enqueue(reviewJobOf(large, "large"));
      if (withSmalls) {
        timers.push(
          setTimeout(() => {
            for (const s of smalls) {
              enqueuedAt.set(`org1/app#${s.number}`, performance.now() - t0);
              void worker.queue.enqueue(reviewJobOf(s, `small-${s.number}`));
            }
          }, delayMs),
        );
      }
      const expected = withSmalls ? 1 + smalls.length : 1;
      const completed = () => gh.events.filter((e) => e.kind === "check-update" && e.status === "completed");
      while (completed().length < expected) await new Promise((r) => setTimeout(r, 50));
      await pool.stop();
      // Event times count from the fake's start: onto t0.
      const doneAt = new Map(completed().map((e) => [e.pull, gh.startedAt + e.at - t0]));
      const seconds = (key: string) => ((doneAt.get(key) as number) - (enqueuedAt.get(key) as number)) / 1000;
      const turns = worker.results.filter((r) => r === "continuing").length;
      // The worker's time on the small reviews: from each one's check run created to completed.
      const createdAt = new Map(
        gh.events.filter((e) => e.kind === "check-create").map((e) => [e.pull, e.at]),
      );
      const smallWorkS = completed()
        .filter((e) => e.pull !== "org1/app#1")
        .reduce((sum, e) => sum + (e.at - (createdAt.get(e.pull) as number)) / 1000, 0);
      return {
        smallWorkS,
        largeS: seconds("org1/app#1"),
        smallS: smalls.map((s) => seconds(`org1/app#${s.number}`)),
        turns,
      };
    } finally {
      for (const t of timers) clearTimeout(t);
      await worker.close();
      await gh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  p.onProgress?.(`fairness: the ${p.largeMethods}-method review alone`);
  const alone = await run(false, slice);
  p.onProgress?.(`fairness: alone ${alone.largeS.toFixed(1)} s; under load, turns of ${slice} methods`);
  const fair = await run(true, slice);
  p.onProgress?.(`fairness: large ${fair.largeS.toFixed(1)} s; under load, first in first out`);
  const fifo = await run(true, Number.MAX_SAFE_INTEGER);
  const sorted = [...fair.smallS].sort((a, b) => a - b);
  const smallP50S = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const smallMaxS = sorted.at(-1) as number;
  const overheadPct = ((fair.largeS - alone.largeS) / alone.largeS) * 100;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    largeS: round(fair.largeS),
    smallP50S: round(smallP50S),
    smallMaxS: round(smallMaxS),
    largeAloneS: round(alone.largeS),
    overheadPct: round(overheadPct),
    smallWorkS: round(fair.smallWorkS),
    turnOverheadPct: round(((fair.largeS - fair.smallWorkS) / alone.largeS - 1) * 100),
    fifoSmallMaxS: round(Math.max(...fifo.smallS)),
    goals: {
      smallWithin25PctOfLarge: smallMaxS <= 0.25 * fair.largeS,
      largeWithin10PctOfAlone: overheadPct <= 10,
    },
    setup: {
      largeMethods: p.largeMethods,
      smallPulls: smallCount,
      smallDelayS: delayMs / 1000,
      sliceMethods: slice,
      turnsOfLarge: fair.turns + 1,
      workers: 1,
      queue: "sqlite",
    },
  };
}
