import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerMethodsCommand(program: Command): void {
  program
    .command("methods")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("methods is not built yet");
      }),
    );
}
