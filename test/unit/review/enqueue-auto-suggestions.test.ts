import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultRepoConfig } from "../../../src/config/parse-repo-config.js";
import type { RepoConfig } from "../../../src/config/repo-config-schema.js";
import { openQueue } from "../../../src/queue/open-queue.js";
import type { Job, Queue } from "../../../src/queue/types.js";
import { parseCommandJobPayload } from "../../../src/review/command-job-payload.js";
import { enqueueAutoSuggestions } from "../../../src/review/enqueue-auto-suggestions.js";
import type { ReviewJobPayload } from "../../../src/review/review-job-payload.js";
import { parseCommand } from "../../../src/slash-commands/parse-command.js";
import { outcome } from "./outcome-builder.js";

const job: ReviewJobPayload = {
  installationId: 7,
  owner: "acme",
  repo: "shop",
  pullNumber: 12,
  headSha: "b".repeat(40),
  baseSha: "a".repeat(40),
  draft: false,
  reason: "opened",
  explicit: false,
};

function config(mode: RepoConfig["suggestions"]["mode"]): RepoConfig {
  const c = defaultRepoConfig();
  return { ...c, suggestions: { ...c.suggestions, mode } };
}

let queue: Queue;
beforeEach(async () => {
  queue = await openQueue({ databaseUrl: "sqlite::memory:", pollMs: 10 });
});
afterEach(async () => {
  await queue.close();
});

async function drainJobs(): Promise<Job[]> {
  const seen: Job[] = [];
  const pool = await queue.work(async ({ job: j }) => {
    seen.push(j);
  });
  for (let i = 0; i < 200 && (await queue.counts()).queued > 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  await pool.stop();
  return seen;
}

describe("enqueueAutoSuggestions", () => {
  const flagged = [
    outcome({ score: 0.1, name: "add", startLine: 10 }),
    outcome({ score: 0.2, name: "sub", key: "k-sub", hash: "bbbb", startLine: 20 }),
  ];

  it("enqueues one regeneration per newly flagged method, aimed at its first line", async () => {
    expect(await enqueueAutoSuggestions({ queue, job, config: config("auto"), newlyFlagged: flagged })).toBe(
      2,
    );
    const jobs = await drainJobs();
    const payloads = jobs.map((j) => parseCommandJobPayload(j.payload));
    expect(payloads.map((p) => [p.source, p.commandLine])).toEqual([
      ["auto", "/judge regenerate src/main/java/a/Calc.java:10"],
      ["auto", "/judge regenerate src/main/java/a/Calc.java:20"],
    ]);
    // The command line parses back into the method's line, the target the job regenerates.
    expect(parseCommand(payloads[1]?.commandLine ?? "")).toEqual({
      kind: "regenerate",
      target: { kind: "line", path: "src/main/java/a/Calc.java", line: 20 },
    });
  });

  it("a retried review enqueues nothing twice (same method version, same delivery id)", async () => {
    await enqueueAutoSuggestions({ queue, job, config: config("auto"), newlyFlagged: flagged });
    await enqueueAutoSuggestions({ queue, job, config: config("auto"), newlyFlagged: flagged });
    expect(await drainJobs()).toHaveLength(2);
  });

  it("does nothing unless the repo config says auto", async () => {
    for (const mode of ["off", "on-request"] as const) {
      expect(await enqueueAutoSuggestions({ queue, job, config: config(mode), newlyFlagged: flagged })).toBe(
        0,
      );
    }
    expect((await queue.counts()).queued).toBe(0);
  });
});
