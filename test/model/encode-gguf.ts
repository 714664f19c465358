// A GGUF v3 writer for test models: little-endian header, metadata, tensor infos, 32-byte aligned tensor data
// (F32 in memory, or F16/Q8_0 bytes produced piece by piece, so a model of hundreds of MB is streamed to its file
// instead of being built in memory). Layout reference: ggml's docs/gguf.md.
import { open } from "node:fs/promises";

export type GgufValue =
  | { type: "u32"; value: number }
  | { type: "i32"; value: number }
  | { type: "f32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "strings"; value: string[] }
  | { type: "f32s"; value: Float32Array }
  | { type: "i32s"; value: Int32Array }
  /** A value copied byte for byte from another GGUF: its type tag and encoded value (see read-gguf-raw-metadata.ts). */
  | { type: "raw"; bytes: Uint8Array };

export interface GgufTensor {
  name: string;
  /** ggml order: ne0 (contiguous) first. */
  dims: number[];
  /** F32 values, or the bytes of another ggml type. */
  data: Float32Array | EncodedTensorData;
}

export type GgmlType = "f32" | "f16" | "q8_0";

export interface EncodedTensorData {
  type: GgmlType;
  byteLength: number;
  /** The tensor's bytes in order, in pieces of any size; called once, when the file is written. */
  pieces(): Iterable<Uint8Array>;
}

const ALIGNMENT = 32;
const TYPE = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;
const GGML_TYPE: Record<GgmlType, number> = { f32: 0, f16: 1, q8_0: 8 };

class ByteWriter {
  private readonly chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, "utf8");
    this.u64(b.length);
    this.push(b);
  }
  pad(): void {
    const rem = this.length % ALIGNMENT;
    if (rem !== 0) this.push(Buffer.alloc(ALIGNMENT - rem));
  }
  concat(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeValue(w: ByteWriter, v: GgufValue): void {
  switch (v.type) {
    case "u32":
      w.u32(TYPE.u32);
      w.u32(v.value);
      return;
    case "i32":
      w.u32(TYPE.i32);
      w.i32(v.value);
      return;
    case "f32":
      w.u32(TYPE.f32);
      w.f32(v.value);
      return;
    case "bool":
      w.u32(TYPE.bool);
      w.push(Buffer.from([v.value ? 1 : 0]));
      return;
    case "string":
      w.u32(TYPE.string);
      w.str(v.value);
      return;
    case "strings":
      w.u32(TYPE.array);
      w.u32(TYPE.string);
      w.u64(v.value.length);
      for (const s of v.value) w.str(s);
      return;
    case "f32s":
    case "i32s":
      w.u32(TYPE.array);
      w.u32(v.type === "f32s" ? TYPE.f32 : TYPE.i32);
      w.u64(v.value.length);
      w.push(Buffer.from(v.value.buffer, v.value.byteOffset, v.value.byteLength));
      return;
    case "raw":
      w.push(Buffer.from(v.bytes.buffer, v.bytes.byteOffset, v.bytes.byteLength));
      return;
  }
}

/** Writes a whole GGUF v3 file, tensor by tensor, piece by piece. */
export async function writeGguf(
  path: string,
  metadata: Record<string, GgufValue>,
  tensors: GgufTensor[],
): Promise<void> {
  const file = await open(path, "w");
  try {
    let offset = 0;
    const write = async (b: Uint8Array) => {
      await file.write(b, 0, b.byteLength, offset);
      offset += b.byteLength;
    };
    await write(encodeHeader(metadata, tensors));
    for (const t of tensors) {
      let written = 0;
      for (const piece of pieces(t.data)) {
        await write(piece);
        written += piece.byteLength;
      }
      if (written !== byteLength(t.data))
        throw new Error(`tensor ${t.name}: wrote ${written} bytes, expected ${byteLength(t.data)}`);
      await write(Buffer.alloc(padding(written)));
    }
  } finally {
    await file.close();
  }
}

/** Magic, counts, metadata and tensor infos, padded to the alignment where the data starts. */
function encodeHeader(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
  const w = new ByteWriter();
  w.push(Buffer.from("GGUF", "ascii"));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    w.str(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE[t.data instanceof Float32Array ? "f32" : t.data.type]);
    w.u64(offset);
    offset += byteLength(t.data) + padding(byteLength(t.data));
  }
  w.pad();
  return w.concat();
}

const byteLength = (data: GgufTensor["data"]): number => data.byteLength;
const padding = (n: number): number => (ALIGNMENT - (n % ALIGNMENT)) % ALIGNMENT;

function pieces(data: GgufTensor["data"]): Iterable<Uint8Array> {
  if (!(data instanceof Float32Array)) return data.pieces();
  return [new Uint8Array(data.buffer, data.byteOffset, data.byteLength)];
}
