import type { Command } from "commander";
import { loadDotEnv } from "../config/load-dot-env.js";
import { startServe, stopOnSignal } from "../main.js";
import { runAction } from "./run-action.js";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Run the GitHub App: webhook server (PORT, HOST) and WORKERS in-process review workers")
    .action(
      runAction(async () => {
        loadDotEnv();
        stopOnSignal(await startServe());
      }),
    );
}
