import { readFileSync } from "node:fs";
import { openQueue } from "../src/queue/open-queue.js";
import { pullRequestPayload } from "../test/integration/support/webhook-payloads.js";
import {
  createDeliveryAgent,
  type Delivery,
  percentile,
  sendDeliveries,
  signedHeaders,
} from "./support/sign-webhook.js";
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
  /** Server CPU time (user + system) per measured delivery, ms: what the ack costs, whatever else runs. */
  serverCpuMsPerDelivery: number | null;
  /** The load generator's CPU per delivery, ms: it shares the machine with the server. */
  clientCpuMsPerDelivery: number;
}

const SECRET = "bench-secret";

/** `pull_request.opened` deliveries, each for its own PR and head, so each must make exactly one job. */
export function makePullRequestDeliveries(count: number, prefix = "bench", firstNumber = 1000): Delivery[] {
  return Array.from({ length: count }, (_, i) => {
    const payload = pullRequestPayload("opened", i.toString(16).padStart(40, "a"));
    payload.number = firstNumber + i;
    payload.pull_request.number = firstNumber + i;
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
  const agent = createDeliveryAgent(params.concurrency);
  try {
    const deliveries = makePullRequestDeliveries(params.deliveries);
    const headers = (d: Delivery) => signedHeaders(d, SECRET);
    const send = (list: Delivery[]) =>
      sendDeliveries({
        url: server.webhookUrl,
        deliveries: list,
        concurrency: params.concurrency,
        headers,
        agent,
      });
    // Warm-up on other ids and PRs, not counted: the first requests compile the verification and enqueue
    // paths, and at full concurrency they open the connections the measured run keeps alive.
    const warm = makePullRequestDeliveries(Math.max(20, params.concurrency), "warm", 100_000);
    await send(warm);
    params.onProgress?.(`webhook: ${params.deliveries} deliveries at concurrency ${params.concurrency}`);
    const serverCpuBefore = readCpuMs(server.child.pid);
    const clientCpuBefore = process.cpuUsage();
    const started = performance.now();
    const results = await send(deliveries);
    const seconds = (performance.now() - started) / 1000;
    const serverCpuAfter = readCpuMs(server.child.pid);
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const again = deliveries.filter((_, i) => i % 10 === 0);
    await send(again);
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
      serverCpuMsPerDelivery:
        serverCpuBefore === null || serverCpuAfter === null
          ? null
          : (serverCpuAfter - serverCpuBefore) / params.deliveries,
      clientCpuMsPerDelivery: (clientCpu.user + clientCpu.system) / 1000 / params.deliveries,
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

/** utime + stime of a process from /proc (clock ticks, 100 per second on Linux); null off Linux. */
function readCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
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
