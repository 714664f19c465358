import type { Command } from "commander";
import { loadDotEnv } from "../config/load-dot-env.js";
import { startWorkerOnly, stopOnSignal } from "../main.js";
import { runAction } from "./run-action.js";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run review workers only (model hosts), taking jobs from DATABASE_URL's queue")
    .action(
      runAction(async () => {
        loadDotEnv();
        stopOnSignal(await startWorkerOnly());
      }),
    );
}
