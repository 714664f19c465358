import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run-action.js";

// PLACEHOLDER: replaced by the owner of this command.
export function registerRankEvalCommand(program: Command): void {
  program
    .command("rank-eval")
    .description("(not built yet)")
    .action(
      runAction(async () => {
        throw new UsageError("rank-eval is not built yet");
      }),
    );
}
