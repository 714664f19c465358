import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { buildTrainingExamples } from "../eval/build-training-examples.js";
import { renderEvalLines, renderTrainingLines } from "../eval/render-export-lines.js";
import { loadNamedTemplate } from "../judge/load-named-template.js";
import { openStore } from "../store/open-store.js";
import { runAction } from "./run-action.js";

interface ExportOptions {
  out: string;
  databaseUrl?: string;
  evalOut?: string;
  template?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description(
      "Write the reviewers' feedback as judge training examples (prompt + completion) and an eval dataset",
    )
    .requiredOption("--out <file.jsonl>", "training examples, one JSON object per line")
    .option("--database-url <url>", "store to read (default: DATABASE_URL, else sqlite:./data/java-judge.db)")
    .option("--eval-out <file.jsonl>", "also write the records as an `eval` dataset")
    .option("--template <name>", "render prompts in this models.json judge's template (default: DESIGN's)")
    .action(
      runAction(async (options: ExportOptions) => {
        const template = await loadNamedTemplate(options.template);
        const url = options.databaseUrl ?? process.env.DATABASE_URL ?? "sqlite:./data/java-judge.db";
        const store = await openStore(url);
        let records: Awaited<ReturnType<typeof store.listFeedback>>;
        try {
          records = await store.listFeedback();
        } finally {
          await store.close();
        }
        const set = buildTrainingExamples(records, template);
        await writeFile(options.out, renderTrainingLines(set.examples, template));
        if (options.evalOut) await writeFile(options.evalOut, renderEvalLines(set.examples));
        process.stderr.write(
          `java-judge export: ${set.examples.length} examples from ${records.length} feedback records ` +
            `(${set.duplicates} duplicates merged, ${set.conflicts.length} prompts with conflicting labels left out)\n`,
        );
      }),
    );
}
