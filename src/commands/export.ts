import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("export is not built yet");
      }),
    );
}
