import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerActionCommand(program: Command): void {
  program
    .command("action")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("action is not built yet");
      }),
    );
}
