import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { decodeSource } from "../java/decode-source.js";
import { loadJavaParser } from "../java/load-java-parser.js";
import { renderMethodTable } from "../java/render-method-table.js";
import { toJavaMethod } from "../java/to-java-method.js";
import { runAction } from "./run-action.js";

export function registerMethodsCommand(program: Command): void {
  program
    .command("methods")
    .description("list every method and constructor declared in Java files")
    .argument("<files...>", "Java source files")
    .option("--json", "print the methods as JSON")
    .action(
      runAction(async (files: string[], options: { json?: boolean }) => {
        const parser = await loadJavaParser();
        const methods = [];
        for (const file of files) {
          const decoded = decodeSource(await readSourceFile(file));
          if (decoded.binary) throw new UsageError(`${file} is a binary file, not Java source`);
          methods.push(...parser.extractMethods(file, decoded.text).map(toJavaMethod));
        }
        process.stdout.write(
          options.json ? `${JSON.stringify(methods, null, 2)}\n` : renderMethodTable(methods),
        );
      }),
    );
}

async function readSourceFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code;
    throw new UsageError(`cannot read ${file}: ${why ?? "unreadable"}; pass the path of a .java file`);
  }
}
