import { z } from "zod";
import { FatalJobError } from "../queue/types.js";

export const COMMAND_JOB = "command";

/** What a `command` job carries: the payload's facts; permission, config and the PR are read by the job. */
export const commandJobPayloadSchema = z.object({
  installationId: z.number().int(),
  owner: z.string(),
  repo: z.string(),
  pullNumber: z.number().int(),
  /** The comment's first line (parsed again by the job), or "/judge regenerate" for the button. */
  commandLine: z.string(),
  /** "auto": enqueued by a review under `suggestions.mode: auto` (the repo's config is the consent). */
  source: z.enum(["issue_comment", "review_comment", "check_run", "auto"]),
  sender: z.string(),
  /** The comment that carries the command (for 👀); null for the check-run button. */
  commentId: z.number().int().nullable(),
  /** A review comment's thread: the id of the thread's first comment. */
  threadRootId: z.number().int().nullable(),
  /** A review comment's position, the default target of `/judge regenerate` there. */
  path: z.string().nullable(),
  line: z.number().int().nullable(),
});

export type CommandJobPayload = z.output<typeof commandJobPayloadSchema>;

export function parseCommandJobPayload(payload: unknown): CommandJobPayload {
  const parsed = commandJobPayloadSchema.safeParse(payload);
  if (!parsed.success)
    throw new FatalJobError(`command job payload is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
