// Reads a GGUF file's metadata as raw encoded values (type tag + value bytes), so a test model can copy another
// file's keys (a real tokenizer's vocabulary, merges, token types, chat template) byte for byte.
import { readFile } from "node:fs/promises";

const SCALAR_SIZE: Record<number, number> = {
  0: 1,
  1: 1,
  2: 2,
  3: 2,
  4: 4,
  5: 4,
  6: 4,
  7: 1,
  10: 8,
  11: 8,
  12: 8,
};
const STRING = 8;
const ARRAY = 9;

/** Every metadata key of the GGUF at `path`, in file order, each as the bytes of its type tag and value. */
export async function readGgufRawMetadata(path: string): Promise<Map<string, Uint8Array>> {
  const buf = await readFile(path);
  if (buf.toString("ascii", 0, 4) !== "GGUF") throw new Error(`${path}: not a GGUF file`);
  const version = buf.readUInt32LE(4);
  if (version !== 3) throw new Error(`${path}: GGUF version ${version}, expected 3`);
  let at = 8 + 8; // magic, version, tensor count
  const count = Number(buf.readBigUInt64LE(at));
  at += 8;
  const u64 = (): number => {
    const v = Number(buf.readBigUInt64LE(at));
    at += 8;
    return v;
  };
  const skipValue = (type: number): void => {
    if (type === STRING) {
      const length = u64(); // not `at += u64()`: that reads `at` before u64 moves it
      at += length;
    } else if (type === ARRAY) {
      const inner = buf.readUInt32LE(at);
      at += 4;
      const n = u64();
      const size = SCALAR_SIZE[inner];
      if (size !== undefined) at += n * size;
      else for (let i = 0; i < n; i++) skipValue(inner);
    } else {
      const size = SCALAR_SIZE[type];
      if (size === undefined) throw new Error(`${path}: unknown GGUF value type ${type}`);
      at += size;
    }
  };
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const keyLength = u64();
    const key = buf.toString("utf8", at, at + keyLength);
    at += keyLength;
    const start = at;
    const type = buf.readUInt32LE(at);
    at += 4;
    skipValue(type);
    out.set(key, buf.subarray(start, at));
  }
  return out;
}
