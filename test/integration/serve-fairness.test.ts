import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyGguf } from "../model/write-tiny-gguf.js";
import { javaClassOfMethods } from "./support/java-class-of-methods.js";
import { type ServeProcess, startServeProcess } from "./support/serve-process.js";
import { type FakePull, fakePull, type PullsGitHub, startPullsGitHub } from "./support/start-pulls-github.js";
import { examplePayload } from "./support/webhook-payloads.js";

const LARGE = 40;
const pull = (installation: number, owner: string, number: number, java: { base: string; head: string }) =>
  fakePull({ installation, owner, number, java });

/** The `pull_request.opened` delivery GitHub sends for one of the fake's pulls. */
function openedPayload(p: FakePull) {
  const e = examplePayload("pull_request", "opened");
  e.installation = { id: p.installation };
  e.repository.name = p.repo;
  e.repository.full_name = `${p.owner}/${p.repo}`;
  e.repository.owner.login = p.owner;
  e.number = p.number;
  Object.assign(e.pull_request, { number: p.number, state: "open", draft: false });
  e.pull_request.head.sha = p.headSha;
  e.pull_request.base.sha = p.baseSha;
  return e;
}

const large = pull(1, "acme", 1, javaClassOfMethods({ className: "P1", count: LARGE, lines: 8, buggy: [7] }));
const smalls = [
  pull(1, "acme", 2, javaClassOfMethods({ className: "P2", count: 1, buggy: [0] })),
  pull(2, "beta", 3, javaClassOfMethods({ className: "P3", count: 1 })),
  pull(3, "gamma", 4, javaClassOfMethods({ className: "P4", count: 1 })),
];
const key = (p: FakePull) => `${p.owner}/${p.repo}#${p.number}`;

let gh: PullsGitHub;
let server: ServeProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jj-serve-fair-"));
  gh = await startPullsGitHub([large, ...smalls]);
  server = await startServeProcess(new URL(gh.baseUrl).host, {
    JUDGE_MODEL: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }),
    DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
    WORKERS: "1",
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await gh?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("java-judge serve under load (one worker, the real tiny judge, a fake GitHub over HTTP)", () => {
  it("a 40-method PR then three one-method PRs of other installations: the small check runs complete first, each review once", async () => {
    // The small PRs are opened once the large review has started (its check run exists).
    const delivered: Promise<Response>[] = [];
    gh.onCheckCreate = (pull) => {
      if (pull !== key(large)) return;
      for (const s of smalls) delivered.push(server.deliver("pull_request", openedPayload(s)));
    };
    expect((await server.deliver("pull_request", openedPayload(large))).status).toBe(200);
    const completed = () => gh.events.filter((e) => e.kind === "check-update" && e.status === "completed");
    await server.waitFor(
      "four completed check runs",
      () => (completed().length === 4 ? true : undefined),
      40_000,
    );
    expect((await Promise.all(delivered)).map((r) => r.status)).toEqual([200, 200, 200]);

    const doneAt = (p: FakePull) => completed().findIndex((e) => e.pull === key(p));
    for (const s of smalls) expect(doneAt(s)).toBeLessThan(doneAt(large));

    // The large review said it was waiting, and how far it had got; then finished with its whole table.
    const largeUpdates = gh.events.filter((e) => e.pull === key(large) && e.kind === "check-update");
    const waiting = largeUpdates.filter((e) => e.title?.includes("waiting behind other work"));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]?.summary).toMatch(new RegExp(`^scored \\d+ / ${LARGE} methods; other pull requests`));
    const last = largeUpdates.at(-1);
    expect(last).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      title: `1 of ${LARGE} methods flagged`,
    });
    const names = [...(last?.summary ?? "").matchAll(/^\| `P1\.(step\d+)` \|/gm)].map((m) => m[1]).sort();
    expect(names).toEqual(Array.from({ length: LARGE }, (_, i) => `step${i}`).sort());

    // One check run per PR; one review (with its comment) per PR with a flagged method, posted once.
    const of = (kind: string) =>
      gh.events
        .filter((e) => e.kind === kind)
        .map((e) => e.pull)
        .sort();
    expect(of("check-create")).toEqual([large, ...smalls].map(key).sort());
    expect(of("review")).toEqual(["acme/app#1", "acme/app#2"]);
    expect(gh.events.filter((e) => e.kind === "review").map((e) => e.comments)).toEqual([1, 1]);
    // The jobs settle just after their check runs complete: all four done, none retried, dead or failed.
    const jobs = await server.waitFor("four jobs done", async () => {
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      return /^java_judge_jobs\{state="done"\} 4$/m.test(metrics) ? metrics : undefined;
    });
    expect(jobs).toMatch(/^java_judge_jobs\{state="dead"\} 0$/m);
    expect(jobs).toMatch(/^java_judge_jobs\{state="failed"\} 0$/m);
  }, 60_000);
});
