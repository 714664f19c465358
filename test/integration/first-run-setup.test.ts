import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePullRequestDeliveries } from "../../bench/measure-webhook.js";
import { signedHeaders } from "../../bench/support/sign-webhook.js";
import { openQueue } from "../../src/queue/open-queue.js";
import { findFreePort } from "../support/find-free-port.js";
import { startFakeGitHub } from "./support/fake-github-server.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const WEBHOOK_SECRET = "secret-from-github";
const PEM = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

let dir: string;
let github: Awaited<ReturnType<typeof startFakeGitHub>>;
let env: Record<string, string>;
let base: string;

interface Started {
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** `java-judge serve` in a folder of its own (app.yml, package.json, and the .env the setup writes). */
async function serve(ready: (output: string) => Promise<boolean>): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, "bin/java-judge.js"), "serve"], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started: Started = {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await ready(output).catch(() => false)) return started;
    await new Promise((r) => setTimeout(r, 100));
  }
  await started.stop();
  throw new Error(`java-judge serve did not get ready: ${output.slice(-1500)}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-first-run-"));
  copyFileSync(join(ROOT, "app.yml"), join(dir, "app.yml"));
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  github = await startFakeGitHub(({ method, path }) => {
    if (method === "POST" && path === "/app-manifests/code-from-github/conversions") {
      return {
        status: 201,
        body: {
          id: 424242,
          client_id: "Iv1.client",
          client_secret: "client-secret",
          webhook_secret: WEBHOOK_SECRET,
          pem: PEM,
          html_url: `${github.url}/apps/java-judge`,
        },
      };
    }
    return undefined;
  });
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  // No APP_ID, PRIVATE_KEY or WEBHOOK_SECRET: a fresh clone.
  env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: github.host,
    GHE_PROTOCOL: "http",
    DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
    WORKERS: "0",
  };
});

afterAll(async () => {
  await github?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm start on a fresh clone (no credentials)", () => {
  it("serves Probot's setup page from app.yml, writes .env from GitHub's answer, and serves the app on restart", async () => {
    const setup = await serve(async (out) => /open http:\/\/127\.0\.0\.1:\d+/.test(out));
    try {
      expect(setup.output()).toContain(
        `no GitHub App credentials yet: open ${base} and press "Register GitHub App"; GitHub registers the app from app.yml`,
      );
      expect(setup.output()).toContain("then stop this server and run npm start again");

      const root = await fetch(`${base}/`, { redirect: "manual" });
      expect(root.status).toBe(302);
      expect(root.headers.get("location")).toBe("/probot");

      const page = await (await fetch(`${base}/probot`)).text();
      expect(page).toContain("<title>Setup java-judge");
      expect(page).toContain(`action="http://${github.host}/settings/apps/new"`);
      // The manifest the button posts to GitHub is app.yml's: its events and permissions.
      expect(page).toContain(
        '"default_events":["pull_request","issue_comment","pull_request_review_comment","check_run"]',
      );
      expect(page).toContain(`"redirect_url":"${base}/probot/setup"`);

      // GitHub sends the browser back with a code; the server trades it for the app's credentials.
      const back = await fetch(`${base}/probot/setup?code=code-from-github`, { redirect: "manual" });
      expect(back.status).toBe(302);
      expect(back.headers.get("location")).toBe(`${github.url}/apps/java-judge/installations/new`);
      const dotEnv = readFileSync(join(dir, ".env"), "utf8");
      expect(dotEnv).toMatch(/^APP_ID=424242$/m);
      expect(dotEnv).toMatch(new RegExp(`^WEBHOOK_SECRET=${WEBHOOK_SECRET}$`, "m"));
      expect(dotEnv).toMatch(/^PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\n/m);
    } finally {
      expect(await setup.stop()).toBe(0);
    }
    // Probot's setup fetched nothing but the code conversion (no smee.io channel, no npx).
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /app-manifests/code-from-github/conversions",
    ]);

    const app = await serve(async () => (await fetch(`${base}/healthz`)).ok);
    try {
      expect(app.output()).toContain(`java-judge listening on ${base}`);
      // The app GitHub registered delivers to `<address>/` (the manifest's hook URL), signed with its secret.
      const [delivery] = makePullRequestDeliveries(1, "first-run");
      if (!delivery) throw new Error("no delivery");
      const res = await fetch(`${base}/`, {
        method: "POST",
        headers: signedHeaders(delivery, WEBHOOK_SECRET),
        body: delivery.body,
      });
      expect(res.status).toBeLessThan(300);
      const queue = await openQueue({ databaseUrl: env.DATABASE_URL as string });
      try {
        expect((await queue.counts()).queued).toBe(1);
      } finally {
        await queue.close();
      }
    } finally {
      expect(await app.stop()).toBe(0);
    }
  });
});
