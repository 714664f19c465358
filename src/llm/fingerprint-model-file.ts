import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

const SAMPLES = 64;
const SAMPLE_BYTES = 64 * 1024;

/**
 * A content fingerprint of a model file: sha256 over its size, its whole header and 64 blocks spread over the
 * tensor data. Hashing all of a multi-GB file would add seconds to every start; two fine-tunes of one base differ
 * in every block, so sampled blocks tell them apart.
 */
export async function fingerprintModelFile(path: string, headerBytes: number): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const hash = createHash("sha256").update(`size:${size}\n`);
    const header = Buffer.alloc(Math.min(headerBytes || SAMPLE_BYTES, size));
    await handle.read(header, 0, header.length, 0);
    hash.update(header);
    const data = size - header.length;
    const block = Buffer.alloc(Math.min(SAMPLE_BYTES, data));
    for (let i = 0; i < SAMPLES && block.length > 0; i++) {
      const at = header.length + Math.floor(((data - block.length) * i) / (SAMPLES - 1 || 1));
      const { bytesRead } = await handle.read(block, 0, block.length, at);
      hash.update(block.subarray(0, bytesRead));
    }
    return hash.digest("hex").slice(0, 32);
  } finally {
    await handle.close();
  }
}
