import type { JobBudget } from "./types.js";

/**
 * The budget a job runs under: the repository's when it sets a shorter one, else the server's. The server's
 * value caps it, so a repository cannot hold a worker longer than the operator allows. Pure.
 */
export function resolveJobBudget(
  server: JobBudget,
  repo: { seconds: number | null; source: string },
): JobBudget {
  if (repo.seconds === null || repo.seconds >= server.seconds) return server;
  return { seconds: repo.seconds, source: repo.source };
}
