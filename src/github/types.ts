import type { ProbotOctokit } from "probot";

/** An installation-authenticated Octokit (REST, GraphQL, paginate, config), as Probot makes it. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

/** Where the app answers a command: the PR's conversation, or the review thread it came from. */
export type ReplyTarget = { kind: "issue" } | { kind: "thread"; commentId: number };

/** Where a line comment goes: RIGHT side of the head sha, `startLine` only for a multi-line comment. */
export interface CommentPlacement {
  path: string;
  line: number;
  startLine?: number;
}

/** A line comment ready to post in a review. */
export interface ReviewCommentDraft {
  placement: CommentPlacement;
  body: string;
}

/** A check-run annotation as the checks API takes it. */
export interface PlannedAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "warning" | "notice" | "failure";
  title: string;
  message: string;
}

/** A bot comment found on the PR by its marker. */
export interface FoundComment {
  methodKey: string;
  bodyHash: string;
  commentId: number;
  commentNodeId: string;
  path: string;
  line: number;
  /** Someone other than the app replied in the thread: the bot then leaves the thread alone. */
  humanReplied: boolean;
}
