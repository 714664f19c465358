/** A job's time budget: seconds, and what set it (an environment variable or a repo config key), for messages. */
export interface JobBudget {
  seconds: number;
  source: string;
}
