import { readFileSync } from "node:fs";
import { openQueue } from "../src/queue/open-queue.js";
import { pullRequestPayload } from "../test/integration/support/webhook-payloads.js";
import { type Delivery, percentile, sendDeliveries, signedHeaders } from "./support/sign-webhook.js";
import { startServerProcess } from "./support/start-server-process.js";

export interface WebhookFigures {
  deliveries: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Deliveries answered 2xx. */
  accepted: number;
  /** Jobs in the queue afterwards (must equal deliveries). */
  jobs: number;
  /** Deliveries sent again with the same id: must add no job. */
  redeliveries: number;
  seconds: number;
  /** Peak resident memory of the server process (VmHWM), MB; null off Linux. */
  serverPeakRssMB: number | null;
}

const SECRET = "bench-secret";

/** `pull_request.opened` deliveries, each for its own PR and head, so each must make exactly one job. */
export function makePullRequestDeliveries(count: number, prefix = "bench"): Delivery[] {
  return Array.from({ length: count }, (_, i) => {
    const payload = pullRequestPayload("opened", i.toString(16).padStart(40, "a"));
    payload.number = 1000 + i;
    payload.pull_request.number = 1000 + i;
    return { id: `${prefix}-${i}`, event: "pull_request", body: JSON.stringify(payload) };
  });
}

/** N signed deliveries at concurrency C against `java-judge serve` (WORKERS=0: acks and enqueues only). */
export async function measureWebhook(params: {
  deliveries: number;
  concurrency: number;
  onProgress?: (msg: string) => void;
}): Promise<WebhookFigures> {
  const server = await startServerProcess({ secret: SECRET, workers: 0 });
  try {
    const deliveries = makePullRequestDeliveries(params.deliveries);
    const headers = (d: Delivery) => signedHeaders(d, SECRET);
    // Warm-up on other ids (the first requests compile the verification and enqueue paths); not counted.
    const warm = makePullRequestDeliveries(20, "warm").map((d, i) => ({
      ...d,
      body: d.body.replace(/"number":10/g, `"number":9${i}`),
    }));
    await sendDeliveries({ url: server.webhookUrl, deliveries: warm, concurrency: 4, headers });
    params.onProgress?.(`webhook: ${params.deliveries} deliveries at concurrency ${params.concurrency}`);
    const started = performance.now();
    const results = await sendDeliveries({
      url: server.webhookUrl,
      deliveries,
      concurrency: params.concurrency,
      headers,
    });
    const seconds = (performance.now() - started) / 1000;
    const again = deliveries.filter((_, i) => i % 10 === 0);
    await sendDeliveries({
      url: server.webhookUrl,
      deliveries: again,
      concurrency: params.concurrency,
      headers,
    });
    const serverPeakRssMB = readPeakRssMB(server.child.pid);
    const queue = await openQueue({ databaseUrl: server.databaseUrl });
    const counts = await queue.counts();
    await queue.close();
    const ms = results.map((r) => r.ms);
    return {
      deliveries: params.deliveries,
      concurrency: params.concurrency,
      p50Ms: percentile(ms, 50),
      p99Ms: percentile(ms, 99),
      maxMs: Math.max(...ms),
      accepted: results.filter((r) => r.status >= 200 && r.status < 300).length,
      jobs: counts.queued + counts.running + counts.done - warm.length,
      redeliveries: again.length,
      seconds,
      serverPeakRssMB,
    };
  } finally {
    await server.stop();
  }
}

function readPeakRssMB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}
