import type { MethodExplanation } from "../explain/types.js";
import type { FoundComment, ReviewCommentDraft } from "../github/types.js";
import type { ChangeKind } from "../java/types.js";

export type { CommentPlacement, PlannedAnnotation } from "../github/types.js";

/** One changed method's fate in a review: scored (flagged or passing) or skipped with a reason. */
export interface MethodOutcome {
  path: string;
  key: string;
  hash: string;
  name: string;
  className: string;
  signature: string;
  startLine: number;
  endLine: number;
  change: ChangeKind;
  hasJavadoc: boolean;
  result: { kind: "scored"; score: number; flagged: boolean } | { kind: "skipped"; reason: string };
  /** Where the judge doubts a flagged method (`explain.mode: flagged`); shown, never hashed into the marker. */
  explanation?: MethodExplanation;
  /** The file at the reviewed head sha on GitHub, for links to a line (`#L42`). */
  fileUrl?: string;
}

/** A changed file the review did not read, and why (binary, too large, excluded, ...). */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** A bot comment already on the PR: from the store, or found by its marker when the store missed it. */
export interface ExistingComment extends FoundComment {
  state: "open" | "resolved" | "outdated";
}

export interface PlannedComment extends ReviewCommentDraft {
  outcome: MethodOutcome;
}

/** What one run does to the PR's comments: the cross-push decisions of DESIGN.md. */
export interface CommentActions {
  /** Findings without a comment for this exact method text: post one. */
  post: MethodOutcome[];
  /** Old comments of methods that now pass: resolve their threads. */
  resolve: ExistingComment[];
  /** Old comments of methods still flagged but changed: minimize as OUTDATED (a new comment is posted). */
  minimize: ExistingComment[];
  /** Findings that already carry a comment for the same text: nothing new. */
  unchanged: MethodOutcome[];
}
