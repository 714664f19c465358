import type { Command } from "commander";
import { changedMethodsInRepo } from "../java/changed-methods-in-repo.js";
import { renderMethodTable } from "../java/render-method-table.js";
import { toChangedJavaMethod } from "../java/to-java-method.js";
import { runAction } from "./run-action.js";

interface ChangedOptions {
  repo: string;
  base: string;
  head?: string;
  json?: boolean;
}

export function registerChangedCommand(program: Command): void {
  program
    .command("changed")
    .description("list the Java methods added or modified between two commits")
    .requiredOption("--repo <dir>", "git repository")
    .requiredOption("--base <rev>", "base commit, branch or tag")
    .option("--head <rev>", "head commit, branch or tag (default: HEAD)")
    .option("--json", "print the methods as JSON")
    .action(
      runAction(async (options: ChangedOptions) => {
        const { repo, base, head } = options;
        const changed = await changedMethodsInRepo({
          repoDir: repo,
          base,
          ...(head === undefined ? {} : { head }),
        });
        const methods = changed.map(toChangedJavaMethod);
        process.stdout.write(
          options.json ? `${JSON.stringify(methods, null, 2)}\n` : renderMethodTable(methods),
        );
      }),
    );
}
