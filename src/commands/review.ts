import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerReviewCommand(program: Command): void {
  program
    .command("review")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("review is not built yet");
      }),
    );
}
