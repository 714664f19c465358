import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("score is not built yet");
      }),
    );
}
