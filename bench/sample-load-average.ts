import { loadavg } from "node:os";

export interface LoadAverageSummary {
  min: number;
  max: number;
  mean: number;
  samples: number;
}

/**
 * Samples the 1-minute load average every `intervalMs` until stopped: on a shared machine the load during a run
 * says more about its figures than the load at its start.
 */
export function sampleLoadAverage(intervalMs = 5000): { stop: () => LoadAverageSummary } {
  const samples = [loadavg()[0] ?? 0];
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(loadavg()[0] ?? 0);
      return {
        min: Math.min(...samples),
        max: Math.max(...samples),
        mean: samples.reduce((a, b) => a + b, 0) / samples.length,
        samples: samples.length,
      };
    },
  };
}
