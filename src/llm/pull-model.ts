import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { createModelDownloader } from "node-llama-cpp";
import type { ModelCatalogEntry } from "./read-model-catalog.js";

export interface PullModelParams {
  entry: ModelCatalogEntry;
  modelsDir: string;
  onProgress?: (downloadedBytes: number, totalBytes: number) => void;
}

export interface PulledModel {
  path: string;
  sha256: string;
  /** true when the catalog pins a hash and the file matches it; false when the catalog has none. */
  verified: boolean;
}

export class ChecksumMismatchError extends Error {
  override name = "ChecksumMismatchError";
}

/** Downloads a catalog model with node-llama-cpp's downloader, then checks its sha256. */
export async function pullModel({ entry, modelsDir, onProgress }: PullModelParams): Promise<PulledModel> {
  if (entry.url === null) {
    throw new Error(
      `"${entry.name}" has no public weights to download: fine-tune it as models/README.md says and put ${entry.file} in ${modelsDir}`,
    );
  }
  await mkdir(modelsDir, { recursive: true });
  await checkReachable(entry.url);
  let path: string;
  try {
    const downloader = await createModelDownloader({
      modelUri: entry.url,
      dirPath: modelsDir,
      fileName: entry.file,
      showCliProgress: false,
      skipExisting: true,
      deleteTempFileOnCancel: false,
      ...(onProgress === undefined ? {} : { onProgress: (s) => onProgress(s.downloadedSize, s.totalSize) }),
    });
    path = await downloader.download();
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(
      `cannot download ${entry.name} from ${entry.url}: ${why}; check the network (or proxy) and retry`,
    );
  }
  const sha256 = await hashFile(path);
  if (entry.sha256 !== null && entry.sha256 !== sha256) {
    // Keep the bad file aside rather than deleting it: a person may want to inspect it.
    await rename(path, `${path}.bad`);
    throw new ChecksumMismatchError(
      `sha256 of ${entry.file} is ${sha256}, models.json expects ${entry.sha256}; moved it to ${entry.file}.bad, pull again`,
    );
  }
  return { path, sha256, verified: entry.sha256 !== null };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

// The downloader retries for minutes when offline; one quick request first turns that into one clear error.
async function checkReachable(url: string): Promise<void> {
  try {
    await fetch(url, { method: "HEAD", redirect: "follow", signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const why = cause ?? (error instanceof Error ? error.name : String(error));
    throw new Error(
      `cannot reach ${new URL(url).host} (${why}): offline? Check the network or proxy, or copy the file into the models dir`,
    );
  }
}
