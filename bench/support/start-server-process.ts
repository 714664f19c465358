import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../../test/support/find-free-port.js";

export interface ServerProcess {
  url: string;
  webhookUrl: string;
  databaseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout + stderr), for diagnostics. */
  output(): string;
  /** SIGTERM, wait for exit, remove the temp dir. */
  stop(): Promise<number | null>;
}

const ROOT = new URL("../../", import.meta.url).pathname;

/** `node bin/java-judge.js serve` as a real child process, on a free port, with its own SQLite file. */
export async function startServerProcess(params: {
  secret: string;
  workers?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "jj-serve-"));
  const port = await findFreePort();
  const databaseUrl = `sqlite:${join(dir, "db.sqlite")}`;
  const privateKey = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  const child = spawn(process.execPath, ["bin/java-judge.js", "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      APP_ID: "123",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: params.secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      WORKERS: String(params.workers ?? 0),
      LOG_LEVEL: "warn",
      ...params.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: ServerProcess = {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    databaseUrl,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
  const deadline = Date.now() + (params.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await isHealthy(url)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`java-judge serve did not answer /healthz on ${url}: ${output.trim().slice(-500)}`);
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}
