import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mockGitHub } from "../support/fake-github.js";
import { CALC_PATH, makePatch, readJava } from "../support/java-fixtures.js";
import { createHarness, type Harness } from "../support/review-harness.js";
import { BASE_SHA, pullRequestPayload } from "../support/webhook-payloads.js";
import { mockFilePages, mockLargeContents, mockRawContents } from "./pull-request-files.js";

const HEAD = "e".repeat(40);
const base = readJava("base");
const head = readJava("head");
const calcPatch = makePatch(base, head);
const opened = () => pullRequestPayload("opened", HEAD) as never;

let h: Harness;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  nock.cleanAll();
  await h.close();
});

function record(into: unknown[], body: unknown): boolean {
  into.push(body);
  return true;
}

/** The GitHub of one job up to the file list; check-run updates are all recorded. */
function gitHub() {
  const gh = mockGitHub().token().createCheckRun().config(null);
  gh.scope
    .patch("/repos/acme/shop/check-runs/555", (b) => record(gh.captured.checkRunUpdates, b))
    .reply(200, { id: 555 })
    .persist();
  return gh;
}

function mockCalc(gh: ReturnType<typeof gitHub>): void {
  mockRawContents(gh.scope, CALC_PATH, BASE_SHA, Buffer.from(base));
  mockRawContents(gh.scope, CALC_PATH, HEAD, Buffer.from(head));
}

async function review(gh: ReturnType<typeof gitHub>) {
  await h.probot.receive({ id: `bad-${Math.random()}`, name: "pull_request", payload: opened() });
  await h.drain();
  expect(gh.scope.pendingMocks()).toEqual([]);
  const done = gh.captured.checkRunUpdates.at(-1);
  expect(done).toMatchObject({ status: "completed" });
  return done;
}

describe("pull requests with inputs that cannot all be reviewed", () => {
  it("3000 files (GitHub's cap, 30 pages): reads every page and reviews the Java file on the last one", async () => {
    const gh = gitHub();
    const docs = Array.from({ length: 2999 }, (_, i) => ({
      filename: `docs/p${i}.md`,
      status: "added",
      patch: "@@ -0,0 +1 @@\n+x",
    }));
    mockFilePages(gh.scope, [...docs, { filename: CALC_PATH, status: "modified", patch: calcPatch }]);
    gh.mergeBase(HEAD).head(HEAD).existingComments([]).createReview();
    mockCalc(gh);
    const done = await review(gh);
    expect(h.results).toEqual(["reviewed"]);
    expect(gh.captured.reviews[0].comments.map((c: { path: string }) => c.path)).toEqual([CALC_PATH]);
    expect(done.output.title).toBe("1 of 2 methods flagged");
  });

  it("a 10 MB, a binary, a non-UTF-8, a deleted and a renamed-unchanged file: each reported, none judged wrongly", async () => {
    const gh = gitHub();
    const latin1 = Buffer.from("class Latin { /** caf\u00e9 */ int f() { return 1; } }", "latin1");
    const binary = Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x3d]), Buffer.alloc(64, 0)]);
    mockFilePages(gh.scope, [
      { filename: CALC_PATH, status: "modified", patch: calcPatch },
      { filename: "src/Big.java", status: "added" },
      { filename: "src/Binary.java", status: "added" },
      { filename: "src/Latin.java", status: "added", patch: "@@ -0,0 +1 @@\n+class Latin {}" },
      { filename: "src/Gone.java", status: "removed", patch: "@@ -1 +0,0 @@\n-class Gone {}" },
      { filename: "src/new/Moved.java", status: "renamed", previous_filename: "src/old/Moved.java" },
    ]);
    gh.mergeBase(HEAD).head(HEAD).existingComments([]).createReview();
    mockCalc(gh);
    mockLargeContents(gh.scope, "src/Big.java", HEAD, 10 * 1024 * 1024);
    mockRawContents(gh.scope, "src/Binary.java", HEAD, binary);
    mockRawContents(gh.scope, "src/Latin.java", HEAD, latin1);
    const moved = Buffer.from("package p;\nclass Moved {\n  int one() { return 1; }\n}\n");
    mockRawContents(gh.scope, "src/old/Moved.java", BASE_SHA, moved);
    mockRawContents(gh.scope, "src/new/Moved.java", HEAD, moved);
    const done = await review(gh);
    const summary: string = done.output.summary;
    expect(summary).toContain("**Files not reviewed**");
    expect(summary).toContain("- `src/Big.java`: larger than 1 MB");
    expect(summary).toContain("- `src/Binary.java`: binary file");
    expect(summary).toContain("- `src/Latin.java`: not valid UTF-8");
    // A deleted file has no method to judge; a rename without changes has no changed method.
    expect(summary).not.toContain("Gone");
    expect(summary).not.toContain("Moved");
    // Not everything was reviewed, so the run cannot read as a pass whatever the scores.
    expect(done.conclusion).toBe("neutral");
    expect(gh.captured.reviews).toHaveLength(1);
  });

  it("a rename without changes alone: no changed methods, said so", async () => {
    const gh = gitHub();
    const moved = Buffer.from("package p;\nclass Moved {\n  int one() { return 1; }\n}\n");
    mockFilePages(gh.scope, [
      { filename: "src/new/Moved.java", status: "renamed", previous_filename: "src/old/Moved.java" },
    ]);
    gh.mergeBase(HEAD);
    mockRawContents(gh.scope, "src/old/Moved.java", BASE_SHA, moved);
    mockRawContents(gh.scope, "src/new/Moved.java", HEAD, moved);
    const done = await review(gh);
    expect(done).toMatchObject({ conclusion: "success", output: { title: "No changed methods" } });
    expect(done.output.summary).toContain("1 Java file changed");
  });

  it("a deleted Java file alone: nothing to judge, no content fetched", async () => {
    const gh = gitHub();
    mockFilePages(gh.scope, [
      { filename: "src/Gone.java", status: "removed", patch: "@@ -1 +0,0 @@\n-class Gone {}" },
    ]);
    gh.mergeBase(HEAD);
    const done = await review(gh);
    expect(done).toMatchObject({ conclusion: "success", output: { title: "No Java changes to review" } });
    expect(h.results).toEqual(["no-java"]);
  });

  it("a changed file without a patch (GitHub omits it for large diffs): judged, the finding goes to an annotation", async () => {
    const gh = gitHub();
    mockFilePages(gh.scope, [{ filename: CALC_PATH, status: "modified" }]);
    gh.mergeBase(HEAD).head(HEAD).existingComments([]);
    gh.scope
      .post("/repos/acme/shop/pulls/7/reviews", (b) => record(gh.captured.reviews, b))
      .optionally()
      .reply(200, { id: 1 });
    mockCalc(gh);
    const done = await review(gh);
    // No line of the method is in a (missing) hunk: no inline comment may be placed there.
    expect(gh.captured.reviews.flatMap((r: { comments?: unknown[] }) => r.comments ?? [])).toEqual([]);
    expect(done.output.annotations.map((a: { title: string }) => a.title)).toEqual([
      expect.stringContaining("Calc.multiply"),
    ]);
    expect(done.conclusion).toBe("neutral");
  });

  it("an empty patch string is treated like a missing one", async () => {
    const gh = gitHub();
    mockFilePages(gh.scope, [{ filename: CALC_PATH, status: "modified", patch: "" }]);
    gh.mergeBase(HEAD).head(HEAD).existingComments([]);
    gh.scope
      .post("/repos/acme/shop/pulls/7/reviews", (b) => record(gh.captured.reviews, b))
      .optionally()
      .reply(200, { id: 1 });
    mockCalc(gh);
    const done = await review(gh);
    expect(gh.captured.reviews.flatMap((r: { comments?: unknown[] }) => r.comments ?? [])).toEqual([]);
    expect(done.output.annotations).toHaveLength(1);
  });
});
