import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";

export interface Delivery {
  id: string;
  event: string;
  body: string;
}

/** The headers GitHub sends with a delivery, signed with HMAC-SHA256 of the exact body. */
export function signedHeaders(d: Delivery, secret: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-github-event": d.event,
    "x-github-delivery": d.id,
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(d.body).digest("hex")}`,
  };
}

export interface DeliveryResult {
  status: number;
  ms: number;
}

/**
 * Keep-alive connections for a closed-loop run, one per lane. node:http rather than fetch: undici's fetch cost
 * the load generator 1.8-2.8 ms of CPU per delivery (node:http 0.7-1.0 ms), on the same 2 cores as the server.
 */
export function createDeliveryAgent(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: Math.max(1, concurrency) });
}

/**
 * Posts deliveries `concurrency` at a time (closed loop: each lane sends its next one when the last is
 * answered); resolves each one's status and ack latency, from the first byte sent to the last one read.
 */
export async function sendDeliveries(params: {
  url: string;
  deliveries: Delivery[];
  concurrency: number;
  headers: (d: Delivery) => Record<string, string>;
  /** Reuse one across calls so a warm-up's connections serve the measured run. */
  agent?: Agent;
}): Promise<DeliveryResult[]> {
  const agent = params.agent ?? createDeliveryAgent(params.concurrency);
  const results: DeliveryResult[] = new Array(params.deliveries.length);
  let next = 0;
  const lane = async () => {
    while (next < params.deliveries.length) {
      const i = next++;
      const d = params.deliveries[i] as Delivery;
      const body = Buffer.from(d.body);
      const headers = { ...params.headers(d), "content-length": String(body.length) };
      const started = performance.now();
      const status = await post(params.url, { agent, headers, body });
      results[i] = { status, ms: performance.now() - started };
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, params.concurrency) }, lane));
  } finally {
    if (!params.agent) agent.destroy();
  }
  return results;
}

function post(
  url: string,
  p: { agent: Agent; headers: Record<string, string>; body: Buffer },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent: p.agent, headers: p.headers }, (res) => {
      res.on("error", reject);
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.resume();
    });
    req.on("error", reject);
    req.end(p.body);
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
