import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { QueueCounts } from "../queue/types.js";

export interface AppMetrics {
  registry: Registry;
  webhookAck: Histogram;
  methodsJudged: Counter;
  judgeTokensPerSecond: Gauge;
}

/** Prometheus metrics of /metrics; jobs by state are read from the queue at scrape time. */
export function createMetrics(counts: () => Promise<QueueCounts>): AppMetrics {
  const registry = new Registry();
  const webhookAck = new Histogram({
    name: "java_judge_webhook_ack_seconds",
    help: "Time from a webhook request's arrival to its response",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    labelNames: ["status"],
    registers: [registry],
  });
  new Gauge({
    name: "java_judge_jobs",
    help: "Jobs in the queue by state",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const c = await counts();
      for (const [state, n] of Object.entries(c)) this.set({ state }, n);
    },
  });
  const methodsJudged = new Counter({
    name: "java_judge_methods_judged_total",
    help: "Changed methods the judge scored, by verdict",
    labelNames: ["verdict"],
    registers: [registry],
  });
  const judgeTokensPerSecond = new Gauge({
    name: "java_judge_judge_tokens_per_second",
    help: "Tokens evaluated per second by the judge in the last review",
    registers: [registry],
  });
  return { registry, webhookAck, methodsJudged, judgeTokensPerSecond };
}
