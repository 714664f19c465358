import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../../src/store/open-store.js";
import type { FeedbackRecord, PostedComment, Store } from "../../../src/store/types.js";
import { dropSchemas, freshPgSchema } from "./test-databases.js";

const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

const backends: [string, () => string][] = [
  ["sqlite", () => "sqlite::memory:"],
  [
    "postgres",
    () => {
      const s = freshPgSchema("store");
      schemas.push(s.schema);
      return s.url;
    },
  ],
];

function comment(over: Partial<PostedComment> = {}): PostedComment {
  return {
    repo: "octo/app",
    pullNumber: 7,
    methodKey: "src/A.java#A#sum(int,int)",
    bodyHash: "h1",
    commentId: 3_000_000_123, // above 2^31, as GitHub's ids are
    commentNodeId: "PRRC_1",
    threadNodeId: "PRRT_1",
    path: "src/A.java",
    line: 12,
    score: 0.125,
    state: "open",
    headSha: "abc",
    createdAt: "2026-01-01T00:00:00.000Z",
    ...over,
  };
}

describe.each(backends)("store on %s", (kind, makeUrl) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(makeUrl());
    return () => store.close();
  });

  it("reports its kind", () => {
    expect(store.kind).toBe(kind);
  });

  it("caches scores exactly, per model and prompt hash", async () => {
    expect(await store.getScore("m1", "p1")).toBeUndefined();
    await store.putScore("m1", "p1", 0.123456789012345);
    await store.putScore("m2", "p1", 0.9);
    expect(await store.getScore("m1", "p1")).toBe(0.123456789012345);
    expect(await store.getScore("m2", "p1")).toBe(0.9);
    await store.putScore("m1", "p1", 0.5);
    expect(await store.getScore("m1", "p1")).toBe(0.5);
    await expect(store.putScore("m1", "p2", Number.NaN)).rejects.toThrow(/non-finite/);
  });

  it("keeps posted comments across pushes and updates them in place", async () => {
    await store.upsertComment(comment());
    await store.upsertComment(
      comment({ commentId: 3_000_000_200, headSha: "def", createdAt: "2026-01-02T00:00:00.000Z" }),
    );
    await store.upsertComment(comment({ pullNumber: 8, commentId: 5 }));
    const listed = await store.listComments("octo/app", 7);
    expect(listed).toEqual([
      comment(),
      comment({ commentId: 3_000_000_200, headSha: "def", createdAt: "2026-01-02T00:00:00.000Z" }),
    ]);

    await store.upsertComment(comment({ bodyHash: "h2", threadNodeId: null, score: 0.4 }));
    expect(await store.findCommentById("octo/app", 3_000_000_123)).toEqual(
      comment({ bodyHash: "h2", threadNodeId: null, score: 0.4 }),
    );
    expect(await store.listComments("octo/app", 7)).toHaveLength(2);
  });

  it("sets a comment's state only for the matching method and comment", async () => {
    await store.upsertComment(comment());
    await store.setCommentState("octo/app", 7, "other-key", 3_000_000_123, "resolved");
    expect((await store.findCommentById("octo/app", 3_000_000_123))?.state).toBe("open");
    await store.setCommentState("octo/app", 7, comment().methodKey, 3_000_000_123, "outdated");
    expect((await store.findCommentById("octo/app", 3_000_000_123))?.state).toBe("outdated");
    expect(await store.findCommentById("octo/other", 3_000_000_123)).toBeUndefined();
  });

  it("records feedback in order", async () => {
    const f: FeedbackRecord = {
      repo: "octo/app",
      pullNumber: 7,
      methodKey: "k",
      signal: "reaction:-1",
      label: 1,
      description: null,
      code: "int f() { return 1; }",
      signature: "int f()",
      score: 0.2,
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    await store.addFeedback(f);
    await store.addFeedback({ ...f, signal: "thread-resolved", label: 0, score: null, description: "d" });
    expect(await store.listFeedback()).toEqual([
      f,
      { ...f, signal: "thread-resolved", label: 0, score: null, description: "d" },
    ]);
  });

  it("counts hits in a sliding window per bucket", async () => {
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    const at = (s: number) => new Date(t0 + s * 1000);
    expect(await store.hit("pr:1", 60, at(0))).toBe(1);
    expect(await store.hit("pr:1", 60, at(10))).toBe(2);
    expect(await store.hit("pr:2", 60, at(10))).toBe(1);
    expect(await store.hit("pr:1", 60, at(59))).toBe(3);
    // The hit at 0 s falls out of the window at 60 s.
    expect(await store.hit("pr:1", 60, at(60))).toBe(3);
    expect(await store.hit("pr:1", 60, at(200))).toBe(1);
  });
});

describe("store on a SQLite file", () => {
  it("creates the file and its folder on first use, and keeps data across opens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jj-store-"));
    try {
      const url = `sqlite:${join(dir, "nested", "deeper", "jj.db")}`;
      const first = await openStore(url);
      await first.putScore("m", "p", 0.25);
      await first.close();
      expect(statSync(join(dir, "nested", "deeper", "jj.db")).isFile()).toBe(true);
      const second = await openStore(url);
      expect(await second.getScore("m", "p")).toBe(0.25);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says what is wrong with a URL it cannot use", async () => {
    await expect(openStore("mysql://x/y")).rejects.toThrow(/unknown scheme "mysql:"/);
    await expect(openStore("postgres://postgres@127.0.0.1:1/none")).rejects.toThrow(
      /cannot connect to PostgreSQL/,
    );
  });
});
