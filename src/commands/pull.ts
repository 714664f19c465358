import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerPullCommand(program: Command): void {
  program
    .command("pull")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("pull is not built yet");
      }),
    );
}
