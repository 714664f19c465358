import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const entrySchema = z.object({
  /** What JUDGE_MODEL / GENERATOR_MODEL / --model may name. */
  name: z.string().min(1),
  role: z.enum(["judge", "generator"]),
  /** File name inside the models dir, or an absolute path (judges registered by `java-judge train`). */
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

/** The catalog shipped with java-judge (tracked). */
export const SHIPPED_CATALOG_PATH = `${PACKAGE_MODELS_DIR}models.json`;

/**
 * This machine's own models, written by `java-judge train` and never tracked: JUDGE_LOCAL_CATALOG, else
 * models/models.local.json (git-ignored).
 */
export function localCatalogPath(): string {
  return process.env.JUDGE_LOCAL_CATALOG
    ? resolve(process.env.JUDGE_LOCAL_CATALOG)
    : `${PACKAGE_MODELS_DIR}models.local.json`;
}

/**
 * The model catalog: with a path, that file alone; without, models.json followed by the local catalog's entries
 * (a local entry cannot take a shipped name; `train` refuses such names before it starts).
 */
export async function readModelCatalog(path?: string): Promise<ModelCatalogEntry[]> {
  if (path !== undefined) return readCatalogFile(path);
  const shipped = await readCatalogFile(SHIPPED_CATALOG_PATH);
  const local = await readCatalogFile(localCatalogPath(), { optional: true });
  const names = new Set(shipped.map((e) => e.name));
  return [...shipped, ...local.filter((e) => !names.has(e.name))];
}

export async function readCatalogFile(
  path: string,
  options: { optional?: boolean } = {},
): Promise<ModelCatalogEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (options.optional && (error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid model catalog ${path}: ${(error as Error).message}`);
  }
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid model catalog ${path}: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data.models;
}
