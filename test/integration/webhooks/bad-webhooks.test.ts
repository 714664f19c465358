import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePullRequestDeliveries } from "../../../bench/measure-webhook.js";
import { signedHeaders } from "../../../bench/support/sign-webhook.js";
import { type ServerProcess, startServerProcess } from "../../../bench/support/start-server-process.js";
import { openQueue } from "../../../src/queue/open-queue.js";

const SECRET = "webhook-test-secret";
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
    expect(await post({ ...headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, valid.body)).toBe(401);
    expect(await post(signedHeaders(valid, "not-the-secret"), valid.body)).toBe(401);
  });

  it("refuses a body changed after signing", async () => {
    const tampered = valid.body.replace('"opened"', '"closed"');
    expect(await post(signedHeaders(valid, SECRET), tampered)).toBe(401);
  });

  it("refuses a delivery signed with sha1 only (X-Hub-Signature)", async () => {
    const { "x-hub-signature-256": _, ...headers } = signedHeaders(valid, SECRET);
    const sha1 = `sha1=${createHmac("sha1", SECRET).update(valid.body).digest("hex")}`;
    const status = await post({ ...headers, "x-hub-signature": sha1 }, valid.body);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it("refuses a signed body that is not JSON", async () => {
    const junk = { ...valid, body: '{"action": "opened", "pull_request": ' };
    const status = await post(signedHeaders(junk, SECRET), junk.body);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it("refuses a huge unsigned body without falling over", async () => {
    const { "x-hub-signature-256": _, ...headers } = signedHeaders(valid, SECRET);
    const huge = Buffer.alloc(30 * 1024 * 1024, 0x20);
    const status = await post(headers, huge).catch(() => 413); // the server may also cut the connection
    expect(status).toBeGreaterThanOrEqual(400);
  });

  it("a huge signed body (over GitHub's 25 MB cap) makes no job", async () => {
    const big = { ...valid, id: "bad-webhooks-huge", body: `${valid.body.slice(0, -1)},"pad":"${"x".repeat(26 * 1024 * 1024)}"}` };
    const status = await post(signedHeaders(big, SECRET), big.body).catch(() => 413);
    expect(status).toBeGreaterThanOrEqual(400);
  });

  it("acks an unknown event without making a job", async () => {
    const odd = { ...valid, id: "bad-webhooks-odd", event: "made_up_event" };
    const status = await post(signedHeaders(odd, SECRET), odd.body);
    expect(status).toBeLessThan(500);
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
