import type { RegenerateTarget } from "../../generator/types.js";

/** A parsed `/judge` command (first line of a comment). */
export type JudgeCommand =
  | { kind: "review" }
  | { kind: "regenerate"; target: RegenerateTarget | null }
  | { kind: "help" }
  | { kind: "unknown"; text: string };

/** Where the app answers a command: the PR's conversation, or the review thread it came from. */
export type ReplyTarget = { kind: "issue" } | { kind: "thread"; commentId: number };
