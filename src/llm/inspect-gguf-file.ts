import { open, stat } from "node:fs/promises";
import * as llamaCpp from "node-llama-cpp";
import { readGgufFileInfo } from "node-llama-cpp";
import {
  ModelNotFoundError,
  NotGgufError,
  TruncatedModelError,
  UnsupportedArchitectureError,
} from "./llm-errors.js";

export interface GgufFileSummary {
  path: string;
  sizeBytes: number;
  architecture: string;
  /** general.name, or null. */
  name: string | null;
  trainContextSize: number | null;
  /** Bytes before the tensor data (header, metadata, tensor infos). */
  headerBytes: number;
}

// GgufArchitectureType is a const enum in the typings; its runtime object lists what this llama.cpp build supports.
const SUPPORTED = new Set(
  Object.values((llamaCpp as unknown as Record<string, Record<string, string>>).GgufArchitectureType ?? {}),
);

/** Checks a model file before llama.cpp sees it, whose own failures are vague (or a crash). */
export async function inspectGgufFile(path: string): Promise<GgufFileSummary> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw new ModelNotFoundError(path);
  const magic = Buffer.alloc(4);
  const handle = await open(path, "r");
  try {
    await handle.read(magic, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (magic.toString("latin1") !== "GGUF") throw new NotGgufError(path);
  let info: Awaited<ReturnType<typeof readGgufFileInfo>>;
  try {
    info = await readGgufFileInfo(path, { logWarnings: false, sourceType: "filesystem" });
  } catch {
    throw new TruncatedModelError(path, size, null);
  }
  const headerBytes = info.infoEndOffset ?? 0;
  let expected = headerBytes;
  for (const t of info.fullTensorInfo ?? info.tensorInfo ?? []) {
    const end = Number(t.fileOffset) + tensorBytes(t.dimensions, t.ggmlType);
    if (end > expected) expected = end;
  }
  if (size < expected) throw new TruncatedModelError(path, size, expected);
  const architecture = String(info.metadata.general?.architecture ?? "");
  if (SUPPORTED.size > 0 && !SUPPORTED.has(architecture))
    throw new UnsupportedArchitectureError(path, architecture);
  const arch = info.architectureMetadata as { context_length?: number };
  return {
    path,
    sizeBytes: size,
    architecture,
    name: info.metadata.general?.name ?? null,
    trainContextSize: arch.context_length ?? null,
    headerBytes,
  };
}

// Bytes per block and elements per block of the common ggml types; unknown types count as 0 (no false alarm).
const TYPE_SIZES: Record<number, [bytes: number, elements: number]> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  10: [84, 256], // Q2_K
  11: [110, 256], // Q3_K
  12: [144, 256], // Q4_K
  13: [176, 256], // Q5_K
  14: [210, 256], // Q6_K
  30: [2, 1], // BF16
};

function tensorBytes(dims: readonly (number | bigint)[], type: number): number {
  const size = TYPE_SIZES[type];
  if (size === undefined) return 0;
  const elements = dims.reduce<number>((n, d) => n * Number(d), 1);
  return Math.ceil(elements / size[1]) * size[0];
}
