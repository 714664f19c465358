import { UsageError } from "../errors.js";
import { type ModelCatalogEntry, readModelCatalog } from "../llm/read-model-catalog.js";
import { DEFAULT_PROMPT_TEMPLATE, type PromptTemplate, parsePromptTemplate } from "./prompt-template.js";

/**
 * `--template NAME` of export and train: the prompt template of a judge in the model catalog, or DESIGN's when no
 * name is given. Training prompts must be the ones the judge will see.
 */
export async function loadNamedTemplate(
  name: string | undefined,
  catalog?: readonly ModelCatalogEntry[],
): Promise<PromptTemplate> {
  if (!name) return DEFAULT_PROMPT_TEMPLATE;
  const entry = (catalog ?? (await readModelCatalog())).find((m) => m.name === name);
  if (!entry?.template) {
    throw new UsageError(`--template ${name}: no judge of that name with a template in models/models.json`);
  }
  return parsePromptTemplate(entry.template, `models/models.json (${entry.name})`);
}
