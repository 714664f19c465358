import type { JudgeCommand } from "./types.js";

const COMMAND = /^\/judge(?=\s|$)\s*(.*)$/i;
const PATH_LINE = /^(\S+\.java):(\d+)$/;
const NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * The command on a comment's first line, or null when the comment is not a command (so an ordinary
 * comment mentioning /judge later on is left alone). Anything after `/judge` that is not a known
 * command comes back as "unknown", to be answered with the help text.
 */
export function parseCommand(body: string): JudgeCommand | null {
  const firstLine =
    body
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/, 1)[0]
      ?.trim() ?? "";
  const m = COMMAND.exec(firstLine);
  if (!m) return null;
  const words = (m[1] ?? "")
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  const [verb, arg, ...rest] = words;
  const unknown = { kind: "unknown", text: firstLine } as const;
  if (verb === undefined || (verb.toLowerCase() === "review" && arg === undefined)) return { kind: "review" };
  if (verb.toLowerCase() === "help" && arg === undefined) return { kind: "help" };
  if (verb.toLowerCase() !== "regenerate" || rest.length > 0) return unknown;
  if (arg === undefined) return { kind: "regenerate", target: null };
  const pathLine = PATH_LINE.exec(arg.replace(/^`|`$/g, ""));
  if (pathLine)
    return {
      kind: "regenerate",
      target: { kind: "line", path: pathLine[1] ?? "", line: Number(pathLine[2]) },
    };
  const name = arg.replace(/^`|`$/g, "").replace(/\(\)$/, "");
  if (NAME.test(name)) return { kind: "regenerate", target: { kind: "name", name } };
  return unknown;
}
