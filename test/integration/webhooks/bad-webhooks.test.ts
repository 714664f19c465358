import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePullRequestDeliveries } from "../../../bench/measure-webhook.js";
import { signedHeaders } from "../../../bench/support/sign-webhook.js";
import { type ServerProcess, startServerProcess } from "../../../bench/support/start-server-process.js";
import { openQueue } from "../../../src/queue/open-queue.js";

const SECRET = "webhook-test-secret";

expect.extend({
  toBe4xx(status: number) {
    const pass = status >= 400 && status < 500;
    return { pass, message: () => `expected HTTP status ${status} to be 4xx` };
  },
});
declare module "vitest" {
  interface Assertion {
    toBe4xx(): void;
  }
}
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ secret: SECRET, workers: 0 });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const [valid, second] = makePullRequestDeliveries(2, "bad-webhooks") as [
  ReturnType<typeof makePullRequestDeliveries>[0],
  ReturnType<typeof makePullRequestDeliveries>[0],
];

async function post(headers: Record<string, string>, body: string | Buffer): Promise<number> {
  const res = await fetch(server.webhookUrl, { method: "POST", headers, body });
  await res.arrayBuffer();
  return res.status;
}

async function jobs(): Promise<number> {
  const queue = await openQueue({ databaseUrl: server.databaseUrl });
  try {
    const c = await queue.counts();
    return c.queued + c.running + c.done + c.failed + c.dead + c.superseded;
  } finally {
    await queue.close();
  }
}

// A real `java-judge serve` child process (WORKERS=0): what GitHub or an attacker could send it.
describe("webhooks the server must refuse, against the real server process", () => {
  it("refuses a delivery without a signature", async () => {
    const { "x-hub-signature-256": _, ...headers } = signedHeaders(valid, SECRET);
    expect(await post(headers, valid.body)).toBeGreaterThanOrEqual(400);
  });

  it("refuses a wrong signature, and one made with another secret", async () => {
    const headers = signedHeaders(valid, SECRET);
    expect(
      await post({ ...headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, valid.body),
    ).toBe4xx();
    expect(await post(signedHeaders(valid, "not-the-secret"), valid.body)).toBe4xx();
  });

  it("refuses a body changed after signing", async () => {
    const tampered = valid.body.replace('"opened"', '"closed"');
    expect(await post(signedHeaders(valid, SECRET), tampered)).toBe4xx();
  });

  it("refuses a delivery signed with sha1 only (X-Hub-Signature)", async () => {
    const { "x-hub-signature-256": _, ...headers } = signedHeaders(valid, SECRET);
    const sha1 = `sha1=${createHmac("sha1", SECRET).update(valid.body).digest("hex")}`;
    expect(await post({ ...headers, "x-hub-signature": sha1 }, valid.body)).toBe4xx();
  });

  it("refuses a signed body that is not JSON", async () => {
    const junk = { ...valid, body: '{"action": "opened", "pull_request": ' };
    expect(await post(signedHeaders(junk, SECRET), junk.body)).toBe4xx();
  });

  it("refuses a huge unsigned body without falling over", async () => {
    const { "x-hub-signature-256": _, ...headers } = signedHeaders(valid, SECRET);
    const huge = Buffer.alloc(30 * 1024 * 1024, 0x20);
    // The server may answer, or cut the connection: both refuse it.
    expect(await post(headers, huge).catch(() => 413)).toBe4xx();
  });

  it("acks an unknown event without making a job", async () => {
    const odd = { ...valid, id: "bad-webhooks-odd", event: "made_up_event" };
    // Probot acks events it has no handler for (2xx); a 4xx would do as well. Either way: no job.
    expect(await post(signedHeaders(odd, SECRET), odd.body)).toBeLessThan(500);
  });

  it("made no job for any of them, and still serves: a valid delivery makes exactly one", async () => {
    expect(await jobs()).toBe(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await post(signedHeaders(second, SECRET), second.body)).toBeLessThan(300);
    expect(await post(signedHeaders(second, SECRET), second.body)).toBeLessThan(300); // a redelivery
    expect(await jobs()).toBe(1);
    expect(server.child.exitCode).toBeNull();
  });
});

describe("a signed body over GitHub's 25 MB payload cap", () => {
  // GitHub never sends more than 25 MB, so such a body is not GitHub's: 413 before it is read.
  it("is refused with a 4xx and makes no job", async () => {
    const big = { ...valid, id: "bad-webhooks-huge" };
    big.body = `${valid.body.slice(0, -1)},"pad":"${"x".repeat(26 * 1024 * 1024)}"}`;
    const status = await post(signedHeaders(big, SECRET), big.body).catch(() => 413);
    expect(status).toBe4xx();
    expect(await jobs()).toBe(1); // still the one valid delivery of the suite above
  });
});
