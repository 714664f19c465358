import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("worker is not built yet");
      }),
    );
}
