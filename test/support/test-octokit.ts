import { ProbotOctokit } from "probot";

/**
 * ProbotOctokit with retries and write throttling off, for tests. `ProbotOctokit.defaults({ throttle:
 * { enabled: false } })` is not enough in probot 14: its own defaults are merged over an object default, so
 * the throttle comes back on and every write waits 1 s. A function default runs last and wins.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
