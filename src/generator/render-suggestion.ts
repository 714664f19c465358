import type { ParsedPatch } from "../diff/types.js";
import type { ExtractedMethod } from "../java/types.js";

/** Whether a line comment may span RIGHT-side lines start..end of one file (the diff engineer's check). */
export type CanComment = (patch: ParsedPatch, startLine: number, endLine: number) => boolean;

export interface RenderSuggestionParams {
  /** The method being replaced, as extracted from the head version. */
  original: Pick<ExtractedMethod, "startLine" | "endLine" | "indent" | "text">;
  /** The candidate's code, common indentation removed. */
  code: string;
  /** The file's patch at the head sha; undefined when GitHub gave none (a large or binary diff). */
  patch: ParsedPatch | undefined;
  canComment: CanComment;
}

export interface RenderedSuggestion {
  /** "suggestion": one click replaces lines startLine..endLine; "code": a block to copy. */
  kind: "suggestion" | "code";
  /** The fenced block, ready for a comment body. */
  block: string;
  startLine: number;
  endLine: number;
}

/**
 * A ```suggestion block that replaces exactly the method's lines where GitHub accepts one (the whole
 * method on the RIGHT side inside one hunk), else a ```java block. The original's indentation is kept;
 * the fence is longer than any backtick run in the code, so the code cannot close it.
 */
export function renderSuggestion(params: RenderSuggestionParams): RenderedSuggestion {
  const { original, code, patch, canComment } = params;
  const { startLine, endLine } = original;
  const suggestable = patch !== undefined && canComment(patch, startLine, endLine);
  const body = reindent(code, original.indent, usesTabs(original));
  const longestRun = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  const kind = suggestable ? "suggestion" : "code";
  const block = `${fence}${suggestable ? "suggestion" : "java"}\n${body}\n${fence}`;
  return { kind, block, startLine, endLine };
}

function usesTabs(original: Pick<ExtractedMethod, "indent" | "text">): boolean {
  if (original.indent.includes("\t")) return true;
  return original.text
    .split("\n")
    .slice(1)
    .some((l) => l.startsWith(`${original.indent}\t`));
}

/** Prefixes the original's indentation; nesting in spaces becomes tabs where the original uses tabs. */
function reindent(code: string, indent: string, tabs: boolean): string {
  const lines = code.split("\n");
  const spaceIndents = lines.map((l) => /^ */.exec(l)?.[0].length ?? 0).filter((n) => n > 0);
  const unit = Math.min(...spaceIndents, 8);
  return lines
    .map((line) => {
      if (line.trim() === "") return "";
      if (!tabs) return indent + line;
      const spaces = /^ */.exec(line)?.[0].length ?? 0;
      const nested = "\t".repeat(Math.floor(spaces / unit)) + " ".repeat(spaces % unit);
      return indent + nested + line.slice(spaces);
    })
    .join("\n");
}
