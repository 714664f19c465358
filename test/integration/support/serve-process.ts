import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer } from "node:net";
import { privateKey } from "./review-harness.js";

export const WEBHOOK_SECRET = "e2e-secret";

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote, stdout and stderr together. */
  output(): string;
  /** Polls `fn` every 100 ms until it returns a value; on timeout the error carries the server's output. */
  waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms?: number): Promise<T>;
  /** Posts one webhook delivery, signed with `secret` (default the server's). */
  deliver(event: string, payload: unknown, secret?: string): Promise<Response>;
  /** SIGTERM (SIGKILL 8 s later if still running), then the exit code. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * `java-judge serve` as a child process (bin/java-judge.js, the way a user starts it) against a fake GitHub on
 * 127.0.0.1 (GHE_HOST, GHE_PROTOCOL=http); resolves once /healthz answers. `env` adds to the app's settings.
 */
export async function startServeProcess(
  githubHost: string,
  env: Record<string, string>,
): Promise<ServeProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn("node", ["bin/java-judge.js", "serve"], {
    env: {
      ...process.env,
      APP_ID: "123",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: githubHost,
      GHE_PROTOCOL: "http",
      WORKERS: "1",
      LOG_LEVEL: "info",
      NODE_ENV: "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const server: ServeProcess = {
    url,
    child,
    output: () => output,
    async waitFor(what, fn, ms = 45_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const v = await fn();
        if (v !== undefined) return v;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const why = child.exitCode !== null ? `the server exited (${child.exitCode})` : `timed out (${ms} ms)`;
      throw new Error(`${why} waiting for ${what}; server output:\n${output.slice(-3000)}`);
    },
    deliver(event, payload, secret = WEBHOOK_SECRET) {
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
      return fetch(`${url}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": `e2e-${Math.random()}`,
          "x-hub-signature-256": signature,
        },
        body,
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      child.kill("SIGTERM");
      // SIGTERM lets the running job finish; a job stuck in a model call must not outlive the test run.
      const kill = setTimeout(() => child.kill("SIGKILL"), 8_000);
      try {
        return await exited;
      } finally {
        clearTimeout(kill);
      }
    },
  };
  await server.waitFor("/healthz", () =>
    fetch(`${url}/healthz`).then(
      (r) => (r.ok ? true : undefined),
      () => undefined,
    ),
  );
  return server;
}
