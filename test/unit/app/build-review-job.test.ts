import { describe, expect, it } from "vitest";
import {
  buildReviewJobFromCheckRun,
  buildReviewJobFromPullRequest,
} from "../../../src/app/build-review-job.js";
import { toRetryableError } from "../../../src/github/to-retryable-error.js";
import { RetryableError } from "../../../src/queue/types.js";
import { checkRunPayload, pullRequestPayload } from "../../integration/support/webhook-payloads.js";

const HEAD = "a".repeat(40);

describe("buildReviewJobFromPullRequest", () => {
  it("makes a review job keyed by delivery id and superseded per PR", () => {
    const built = buildReviewJobFromPullRequest("d1", pullRequestPayload("opened", HEAD) as never);
    expect(built).toMatchObject({
      job: {
        type: "review",
        deliveryId: "d1",
        supersedeKey: "acme/shop#7:review",
        payload: {
          installationId: 4242,
          owner: "acme",
          repo: "shop",
          pullNumber: 7,
          headSha: HEAD,
          draft: false,
        },
      },
    });
  });

  it("enqueues drafts (the job reads `drafts:`), skips closed PRs", () => {
    const draft = buildReviewJobFromPullRequest(
      "d2",
      pullRequestPayload("opened", HEAD, { draft: true }) as never,
    );
    expect(draft).toMatchObject({ job: { payload: { draft: true } } });
    const closed = pullRequestPayload("reopened", HEAD);
    closed.pull_request.state = "closed";
    expect(buildReviewJobFromPullRequest("d3", closed as never)).toEqual({ skip: "pull request is closed" });
  });
});

describe("buildReviewJobFromCheckRun", () => {
  it("re-runs our own check run in place", () => {
    const built = buildReviewJobFromCheckRun("d4", checkRunPayload("rerequested", 31, HEAD) as never);
    expect(built).toMatchObject({ job: { payload: { checkRunId: 31, explicit: true, pullNumber: 7 } } });
  });

  it("ignores other apps' runs and buttons other than Re-run", () => {
    const other = checkRunPayload("rerequested", 31, HEAD);
    other.check_run.name = "ci";
    expect(buildReviewJobFromCheckRun("d5", other as never)).toMatchObject({
      skip: expect.stringContaining("not ours"),
    });
    const suggest = checkRunPayload("requested_action", 31, HEAD);
    suggest.requested_action = { identifier: "suggest" };
    expect(buildReviewJobFromCheckRun("d6", suggest as never)).toMatchObject({
      skip: expect.stringContaining("suggest"),
    });
  });
});

describe("toRetryableError", () => {
  it("retries secondary rate limits and 5xx, not other 4xx", () => {
    const limited = toRetryableError(
      {
        status: 403,
        message: "You have exceeded a secondary rate limit",
        response: { headers: { "retry-after": "60" } },
      },
      "posting",
    );
    expect(limited).toBeInstanceOf(RetryableError);
    expect((limited as RetryableError).retryAfterSeconds).toBe(60);
    expect(toRetryableError({ status: 502, message: "Bad Gateway" }, "x")).toBeInstanceOf(RetryableError);
    const notFound = { status: 404, message: "Not Found" };
    expect(toRetryableError(notFound, "x")).toBe(notFound);
    const forbidden = { status: 403, message: "Resource not accessible by integration" };
    expect(toRetryableError(forbidden, "x")).toBe(forbidden);
  });
});
