import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { ModelNotFoundError } from "./llm-errors.js";
import { type ModelCatalogEntry, PACKAGE_MODELS_DIR, readModelCatalog } from "./read-model-catalog.js";

export interface ResolvedModel {
  path: string;
  /** The catalog entry when the model was given by name. */
  entry: ModelCatalogEntry | null;
}

export interface ResolveModelOptions {
  /** Where pulled models live; default MODELS_DIR, else this package's models/. */
  modelsDir?: string;
  catalog?: ModelCatalogEntry[];
}

export function defaultModelsDir(): string {
  return process.env.MODELS_DIR ? resolve(process.env.MODELS_DIR) : PACKAGE_MODELS_DIR;
}

/**
 * JUDGE_MODEL / --model: a GGUF path, or a name from models/models.json or the local catalog of trained judges
 * (models/models.local.json, JUDGE_LOCAL_CATALOG). The file must exist.
 */
export async function resolveModel(
  nameOrPath: string,
  options: ResolveModelOptions = {},
): Promise<ResolvedModel> {
  if (!nameOrPath.trim())
    throw new UsageError("no model given: pass --model (a GGUF path or a name from models/models.json)");
  const catalog = options.catalog ?? (await readModelCatalog());
  const entry = catalog.find((e) => e.name === nameOrPath) ?? null;
  if (entry !== null) {
    // A trained judge's entry names its file by absolute path; resolve() keeps that, and joins a bare name.
    const path = resolve(options.modelsDir ?? defaultModelsDir(), entry.file);
    if (!(await isFile(path))) {
      throw new ModelNotFoundError(
        path,
        entry.url === null
          ? `"${entry.name}" has no public weights: fine-tune one (models/README.md) and put it there`
          : `download it with \`java-judge pull ${entry.name}\``,
      );
    }
    return { path, entry };
  }
  const path = resolve(nameOrPath);
  if (!(await isFile(path))) {
    const names = catalog.map((e) => e.name).join(", ");
    throw new ModelNotFoundError(path, `pass a GGUF path or one of: ${names} (java-judge pull NAME)`);
  }
  return { path, entry: null };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
