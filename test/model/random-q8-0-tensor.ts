// Random Q8_0 tensors, written block by block without ever holding F32 weights: what makes a model of a real
// judge's size (~500M weights) quick to generate. Q8_0 (ggml): per 32 weights one f16 scale d and 32 int8 q,
// weight = d * q.
import { createRandom } from "../../bench/create-random.js";
import type { EncodedTensorData } from "./encode-gguf.js";

const BLOCK = 32;
const BLOCK_BYTES = 2 + BLOCK;
// q uniform on -127..127 (the byte 0x80, -128, which ggml's quantizer never writes, becomes 0): its std.
const Q_STD = Math.sqrt((2 * ((127 * 128 * 255) / 6)) / 256);
const PIECE_BYTES = 1 << 20;

/**
 * A rows x cols matrix (ggml dims [cols, rows]) of random weights with standard deviation `std`, generated from
 * `seed` when the file is written; the same seed gives the same bytes on every machine.
 */
export function randomQ8_0Tensor(rows: number, cols: number, std: number, seed: number): EncodedTensorData {
  if (cols % BLOCK !== 0)
    throw new Error(`q8_0: a row of ${cols} weights is not a whole number of blocks of 32`);
  const blocksPerRow = cols / BLOCK;
  const rowBytes = blocksPerRow * BLOCK_BYTES;
  const scale = f16Bits(std / Q_STD);
  return {
    type: "q8_0",
    byteLength: rows * rowBytes,
    *pieces() {
      const random = createRandom(seed);
      const rowsPerPiece = Math.max(1, Math.floor(PIECE_BYTES / rowBytes));
      for (let row = 0; row < rows; row += rowsPerPiece) {
        const out = new Uint8Array(Math.min(rowsPerPiece, rows - row) * rowBytes);
        for (let o = 0; o < out.length; o += BLOCK_BYTES) {
          out[o] = scale & 0xff;
          out[o + 1] = scale >>> 8;
          for (let k = o + 2; k < o + BLOCK_BYTES; k += 4) {
            const word = random() * 4294967296; // mulberry32's 32 bits, four weights
            out[k] = noMinus128(word & 0xff);
            out[k + 1] = noMinus128((word >>> 8) & 0xff);
            out[k + 2] = noMinus128((word >>> 16) & 0xff);
            out[k + 3] = noMinus128(word >>> 24);
          }
        }
        yield out;
      }
    },
  };
}

const noMinus128 = (byte: number): number => (byte === 0x80 ? 0 : byte);

/** IEEE half-precision bits of a positive normal number (truncated): enough for a scale. */
export function f16Bits(value: number): number {
  if (!(value >= 2 ** -14 && value < 65504))
    throw new Error(`f16: ${value} is not a normal half-precision number`);
  const bits = new Uint32Array(new Float32Array([value]).buffer)[0] as number;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  return (exponent << 10) | ((bits >>> 13) & 0x3ff);
}
