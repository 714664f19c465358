import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("serve is not built yet");
      }),
    );
}
