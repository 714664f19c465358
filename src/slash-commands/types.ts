import type { RegenerateTarget } from "../generator/types.js";

/** A parsed `/judge` command (first line of a comment). */
export type JudgeCommand =
  | { kind: "review" }
  | { kind: "regenerate"; target: RegenerateTarget | null }
  | { kind: "help" }
  | { kind: "unknown"; text: string };
