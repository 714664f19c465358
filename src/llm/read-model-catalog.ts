import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const entrySchema = z.object({
  /** What JUDGE_MODEL / GENERATOR_MODEL / --model may name. */
  name: z.string().min(1),
  role: z.enum(["judge", "generator"]),
  /** File name inside the models dir. */
  file: z.string().min(1),
  /** Direct download URL, or null where no public weights exist (a team fine-tunes its own judge). */
  url: z.string().url().nullable(),
  /** sha256 of the file, or null where it is not known yet (pull then prints the hash it got). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** The model it derives from. */
  base: z.string().optional(),
  /** Prompt template (judges), validated by the judge. */
  template: z.unknown().optional(),
  notes: z.string().optional(),
});

const catalogSchema = z.object({ models: z.array(entrySchema) });

export type ModelCatalogEntry = z.infer<typeof entrySchema>;

/** models/ of this package: models.json lives there, and pulled weights by default. */
export const PACKAGE_MODELS_DIR = fileURLToPath(new URL("../../models/", import.meta.url));

export async function readModelCatalog(
  path = `${PACKAGE_MODELS_DIR}models.json`,
): Promise<ModelCatalogEntry[]> {
  const parsed = catalogSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid model catalog ${path}: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data.models;
}
