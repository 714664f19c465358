// A GGUF v3 encoder for test models: little-endian header, metadata, tensor infos, 32-byte aligned F32 data.
// Layout reference: ggml's docs/gguf.md.

export type GgufValue =
  | { type: "u32"; value: number }
  | { type: "i32"; value: number }
  | { type: "f32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "strings"; value: string[] }
  | { type: "f32s"; value: Float32Array }
  | { type: "i32s"; value: Int32Array };

export interface GgufTensor {
  name: string;
  /** ggml order: ne0 (contiguous) first. */
  dims: number[];
  data: Float32Array;
}

const ALIGNMENT = 32;
const TYPE = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;

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
  }
}

/** Encodes a whole GGUF v3 file (F32 tensors only) into one buffer. */
export function encodeGguf(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
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
    w.u32(0); // GGML_TYPE_F32
    w.u64(offset);
    offset += Math.ceil(t.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  w.pad();
  for (const t of tensors) {
    w.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    w.pad();
  }
  return w.concat();
}
