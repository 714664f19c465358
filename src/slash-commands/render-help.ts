/** What the commands do; the answer to `/judge help` and to a command it does not know. */
export function renderHelp(unknown?: string): string {
  return [
    ...(unknown ? [`I don't know \`${unknown.replace(/`/g, "'")}\`. These are the commands:`, ""] : []),
    "**java-judge** commands (first line of a pull request comment, or of a reply in one of my review threads):",
    "",
    "- `/judge` or `/judge review`: review this pull request again, every changed method.",
    "- `/judge regenerate`: write candidate implementations for every flagged method (in one of my threads: for that thread's method), let the judge rank them, and suggest the best one where it beats the current code.",
    "- `/judge regenerate Method` or `/judge regenerate path/File.java:42`: the same for one method, by name (`Class.method` when the name is ambiguous) or by a line inside it.",
    "- `/judge help`: this text.",
    "",
    "Commands need write, maintain or admin permission on the repository; the ones that run the models are limited per pull request per hour (`commands.hourly_limit`).",
  ].join("\n");
}
