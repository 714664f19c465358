import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { pullModel } from "../llm/pull-model.js";
import { readModelCatalog } from "../llm/read-model-catalog.js";
import { defaultModelsDir } from "../llm/resolve-model.js";
import { runAction } from "./run-action.js";

export function registerPullCommand(program: Command): void {
  program
    .command("pull")
    .description(
      "download a model of models/models.json into the models dir (MODELS_DIR) and check its sha256",
    )
    .argument("[name]", "model name (default: list the models)")
    .action(
      runAction(async (name: string | undefined) => {
        const catalog = await readModelCatalog();
        if (name === undefined) {
          for (const e of catalog) {
            process.stdout.write(
              `${e.name}\t${e.role}\t${e.url === null ? "no public weights (fine-tune)" : e.url}\n`,
            );
          }
          return;
        }
        const entry = catalog.find((e) => e.name === name);
        if (!entry)
          throw new UsageError(
            `no model named ${name} in models/models.json; one of: ${catalog.map((e) => e.name).join(", ")}`,
          );
        const tty = process.stderr.isTTY === true;
        let lastPercent = -1;
        const pulled = await pullModel({
          entry,
          modelsDir: defaultModelsDir(),
          onProgress: (done, total) => {
            const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
            if (percent === lastPercent || (!tty && percent % 10 !== 0)) return;
            lastPercent = percent;
            const bar = "#".repeat(Math.floor(percent / 5)).padEnd(20, ".");
            process.stderr.write(
              `${tty ? "\r" : ""}${name} [${bar}] ${percent}% of ${(total / 1e6).toFixed(0)} MB${tty ? "" : "\n"}`,
            );
          },
        });
        if (tty) process.stderr.write("\n");
        process.stderr.write(
          pulled.verified
            ? `sha256 ok: ${pulled.sha256}\n`
            : `sha256 ${pulled.sha256} (models.json pins none for ${name}: check it against the source, then pin it)\n`,
        );
        process.stdout.write(`${pulled.path}\n`);
      }),
    );
}
