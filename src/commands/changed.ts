import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerChangedCommand(program: Command): void {
  program
    .command("changed")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("changed is not built yet");
      }),
    );
}
