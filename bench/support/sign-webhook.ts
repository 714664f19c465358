import { createHmac } from "node:crypto";

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

/** Posts deliveries `concurrency` at a time; resolves each one's status and ack latency. */
export async function sendDeliveries(params: {
  url: string;
  deliveries: Delivery[];
  concurrency: number;
  headers: (d: Delivery) => Record<string, string>;
}): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = new Array(params.deliveries.length);
  let next = 0;
  const lane = async () => {
    while (next < params.deliveries.length) {
      const i = next++;
      const d = params.deliveries[i] as Delivery;
      const started = performance.now();
      const res = await fetch(params.url, { method: "POST", headers: params.headers(d), body: d.body });
      await res.arrayBuffer();
      results[i] = { status: res.status, ms: performance.now() - started };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, params.concurrency) }, lane));
  return results;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
