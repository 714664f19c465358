import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("eval is not built yet");
      }),
    );
}
