import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { PromptTemplate } from "../judge/prompt-template.js";
import { localCatalogPath, type ModelCatalogEntry, readCatalogFile } from "../llm/read-model-catalog.js";

export interface RegisterTrainedModelParams {
  name: string;
  /** Absolute path of the GGUF. */
  path: string;
  template: PromptTemplate;
  /** The checkpoint it was fine-tuned from. */
  base: string;
  notes: string;
  /** Default localCatalogPath(). */
  catalogPath?: string;
}

/**
 * Adds (or replaces, on a retrain) the judge's entry in the local catalog, so `JUDGE_MODEL=NAME` and `--model NAME`
 * find it with the template it was trained on. Written whole to a temporary file and renamed into place.
 */
export async function registerTrainedModel(params: RegisterTrainedModelParams): Promise<string> {
  const path = params.catalogPath ?? localCatalogPath();
  const entries = await readCatalogFile(path, { optional: true });
  const entry: ModelCatalogEntry = {
    name: params.name,
    role: "judge",
    file: params.path,
    url: null,
    sha256: null,
    base: params.base,
    template: params.template,
    notes: params.notes,
  };
  const models = [...entries.filter((e) => e.name !== params.name), entry];
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.part`;
  await writeFile(partial, `${JSON.stringify({ models }, null, 2)}\n`);
  await rename(partial, path);
  return path;
}
