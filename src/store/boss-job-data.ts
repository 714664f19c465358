import type { Job, JobFairness, JobInput, JobTurn } from "./job-types.js";

/** pg-boss gets its own schema next to ours (its name limit is 50 characters). */
export function bossSchemaFor(schema: string): string {
  return schema === "public" ? "pgboss" : `${schema}_pgboss`.slice(0, 50);
}

/** The data a job carries inside pg-boss. */
export interface BossJobData {
  type: string;
  deliveryId: string;
  supersedeKey?: string;
  payload: Record<string, unknown>;
  createdAt: string;
  fair?: JobFairness;
  /** Written by a yield (see JobTurn). */
  turn?: JobTurn;
}

export function toBossData(input: JobInput, now: Date): BossJobData {
  return {
    type: input.type,
    deliveryId: input.deliveryId,
    ...(input.supersedeKey === undefined ? {} : { supersedeKey: input.supersedeKey }),
    payload: input.payload,
    createdAt: now.toISOString(),
    ...(input.fair === undefined ? {} : { fair: input.fair }),
  };
}

export function fromBossJob(id: string, data: BossJobData, retryCount: number): Job {
  return { ...data, id, attempt: retryCount + 1 };
}
