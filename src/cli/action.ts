import type { Command } from "commander";
import { readActionEnv } from "../action/read-action-env.js";
import { runActionEvent } from "../action/run-action-event.js";
import { summarizeActionRun } from "../action/summarize-action-run.js";
import { runAction } from "./run-action.js";

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

export function registerActionCommand(program: Command): void {
  program
    .command("action")
    .description(
      "Review one GitHub Actions event (pull_request, issue_comment) in this process with the job's token (see docs/action.md)",
    )
    .action(
      runAction(async () => {
        const env = readActionEnv(process.env);
        const logLevel = LOG_LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? "info";
        const result = await runActionEvent(env, {
          log: {
            info: (m) => process.stdout.write(`java-judge: ${m}\n`),
            warn: (m) => process.stdout.write(`::warning::java-judge: ${m}\n`),
          },
          logLevel,
          ...(process.env.RUNNER_TEMP ? { tempDir: process.env.RUNNER_TEMP } : {}),
        });
        const summary = summarizeActionRun(result);
        for (const line of summary.lines) process.stdout.write(`${line}\n`);
        if (summary.failure) throw new Error(summary.failure);
      }),
    );
}
