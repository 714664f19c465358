import { describeError, UsageError } from "../errors.js";

/**
 * Wraps a CLI action: bad input or usage -> one line on stderr, exit 2; any other failure -> one line, exit 1.
 * Set JAVA_JUDGE_DEBUG=1 to see the stack.
 */
export function runAction<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      const code = error instanceof UsageError ? 2 : 1;
      process.stderr.write(`java-judge: ${describeError(error)}\n`);
      if (process.env.JAVA_JUDGE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = code;
    }
  };
}
