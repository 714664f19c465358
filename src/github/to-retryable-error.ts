import { RetryableError } from "../queue/types.js";

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * Turns a GitHub failure worth retrying later into RetryableError: 5xx, primary or secondary rate limits
 * (Probot throttles writes but does not retry secondary limits), and network errors with no response.
 * Returns the error unchanged when retrying would not help (4xx other than limits).
 */
export function toRetryableError(error: unknown, what: string): unknown {
  if (error instanceof RetryableError) return error;
  const e = (error ?? {}) as HttpErrorLike;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  const message = String(e.message ?? "");
  const limited =
    (e.status === 403 || e.status === 429) &&
    (/rate limit/i.test(message) || !Number.isNaN(retryAfter) || headers["x-ratelimit-remaining"] === "0");
  const transient = e.status === undefined ? isNetworkError(error) : e.status >= 500 || e.status === 408;
  if (!limited && !transient) return error;
  const reset = Number(headers["x-ratelimit-reset"]);
  const wait = !Number.isNaN(retryAfter)
    ? retryAfter
    : !Number.isNaN(reset)
      ? Math.max(1, reset - Math.floor(Date.now() / 1000))
      : undefined;
  const why = limited ? "GitHub rate limit" : `GitHub answered ${e.status ?? "no response"}`;
  return new RetryableError(`${what}: ${why}; the job will be retried`, wait, { cause: error });
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === "string" && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|UND_ERR)/.test(code);
}

/** Runs one GitHub call; a failure worth retrying becomes RetryableError naming `what` was being done. */
export async function callGitHub<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toRetryableError(error, what);
  }
}
