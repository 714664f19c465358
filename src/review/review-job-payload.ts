import { z } from "zod";
import { FatalJobError } from "../queue/types.js";

/** What a `review` job carries: enough to review one head sha of one PR, nothing GitHub must be asked for. */
export const reviewJobPayloadSchema = z.object({
  installationId: z.number().int(),
  owner: z.string(),
  repo: z.string(),
  pullNumber: z.number().int(),
  headSha: z.string(),
  baseSha: z.string(),
  draft: z.boolean().default(false),
  /** What asked for it: a pull_request action, "rerequested", "rerun", "command". */
  reason: z.string(),
  /** Explicit requests (re-run button, /judge) review drafts too. */
  explicit: z.boolean().default(false),
  /** The check run to take over (a re-run of an existing one). */
  checkRunId: z.number().int().optional(),
});

export type ReviewJobPayload = z.output<typeof reviewJobPayloadSchema>;

export const REVIEW_JOB = "review";

export function reviewSupersedeKey(p: Pick<ReviewJobPayload, "owner" | "repo" | "pullNumber">): string {
  return `${p.owner}/${p.repo}#${p.pullNumber}:review`;
}

export function parseReviewJobPayload(payload: unknown): ReviewJobPayload {
  const parsed = reviewJobPayloadSchema.safeParse(payload);
  if (!parsed.success)
    throw new FatalJobError(`review job payload is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
