import type { GgufTensor } from "./encode-gguf.js";

export type TinyBehaviour = "random" | { prefer: string } | { flagIfContains: string };

export interface TinyShape {
  seed: number;
  dim: number;
  layers: number;
  heads: number;
  ffn: number;
  contextLength: number;
  vocabSize: number;
}

export interface BehaviourTokens {
  /** Token that wins everywhere ("prefer"), or -1. */
  preferId: number;
  /** Marker token ("flagIfContains"), or -1; with it "0" wins, without it "1" wins. */
  markerId: number;
  zeroId: number;
  oneId: number;
}

/** mulberry32: small, seedable, the same numbers on every machine. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Dimensions reserved for the hand-set circuits; random weights neither read nor write them (except "random").
const MARK = 0; // set in the marker token's embedding
const ONE = 1; // 1 in every token's embedding: a constant the output head reads
const MEAN = 2; // layer 0's uniform attention writes the mean of MARK here
const RESERVED = 3;

/**
 * Weights of a llama model (F32). "random": every weight random. The other behaviours keep random weights on the
 * free dimensions (so inference does real work) and add exact circuits on three reserved ones:
 * - prefer: the preferred token's logit reads the constant dimension, so it wins at every position;
 * - flagIfContains: attention of layer 0, head 0 has zero Q/K, hence attends uniformly to all earlier positions,
 *   and carries the marker's component to the last position as k/n; the head for "0" is scaled by
 *   64 * contextLength so that one marker among contextLength tokens still beats "1".
 */
export function buildTinyWeights(
  shape: TinyShape,
  behaviour: TinyBehaviour,
  ids: BehaviourTokens,
): GgufTensor[] {
  const { dim, layers, heads, ffn, vocabSize } = shape;
  const rand = createRandom(shape.seed);
  const gauss = (): number => {
    const u = rand() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const exact = behaviour !== "random";
  const free = (i: number): boolean => !exact || i >= RESERVED;
  const matrix = (rows: number, cols: number, std: number, rowFree = free, colFree = free): Float32Array => {
    const m = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = gauss() * std;
        if (rowFree(r) && colFree(c)) m[r * cols + c] = v;
      }
    }
    return m;
  };
  const ones = (n: number): Float32Array => new Float32Array(n).fill(1);
  const all = (): boolean => true;
  const headDim = dim / heads;

  const embd = matrix(vocabSize, dim, exact ? 0.1 : 1, all);
  const output = matrix(vocabSize, dim, 1 / Math.sqrt(dim), all);
  if (exact) {
    for (let t = 0; t < vocabSize; t++) embd[t * dim + ONE] = 1;
    for (const id of [ids.zeroId, ids.oneId, ids.preferId]) {
      if (id >= 0) output.fill(0, id * dim, (id + 1) * dim);
    }
    if (ids.preferId >= 0) output[ids.preferId * dim + ONE] = 64;
    if (ids.markerId >= 0) {
      embd[ids.markerId * dim + MARK] = 1;
      output[ids.oneId * dim + ONE] = 4;
      output[ids.zeroId * dim + MEAN] = 64 * shape.contextLength;
    }
  }

  const tensors: GgufTensor[] = [
    { name: "token_embd.weight", dims: [dim, vocabSize], data: embd },
    { name: "output_norm.weight", dims: [dim], data: ones(dim) },
    { name: "output.weight", dims: [dim, vocabSize], data: output },
  ];
  const std = 1 / Math.sqrt(dim);
  for (let l = 0; l < layers; l++) {
    // Head 0 of layer 0 attends uniformly when its Q and K rows are zero.
    const notHead0 = (r: number): boolean => free(r) && !(exact && l === 0 && r < headDim);
    const q = matrix(dim, dim, std, notHead0);
    const k = matrix(dim, dim, std, notHead0);
    const v = matrix(dim, dim, std, (r) => r !== 0 || !exact);
    const o = matrix(dim, dim, std, free, (c) => c !== 0 || !exact);
    if (exact && l === 0 && ids.markerId >= 0) {
      v[0 * dim + MARK] = 1;
      o[MEAN * dim + 0] = 1;
    }
    const p = `blk.${l}.`;
    tensors.push(
      { name: `${p}attn_norm.weight`, dims: [dim], data: ones(dim) },
      { name: `${p}attn_q.weight`, dims: [dim, dim], data: q },
      { name: `${p}attn_k.weight`, dims: [dim, dim], data: k },
      { name: `${p}attn_v.weight`, dims: [dim, dim], data: v },
      { name: `${p}attn_output.weight`, dims: [dim, dim], data: o },
      { name: `${p}ffn_norm.weight`, dims: [dim], data: ones(dim) },
      { name: `${p}ffn_gate.weight`, dims: [dim, ffn], data: matrix(ffn, dim, std, all) },
      { name: `${p}ffn_up.weight`, dims: [dim, ffn], data: matrix(ffn, dim, std, all) },
      {
        name: `${p}ffn_down.weight`,
        dims: [ffn, dim],
        data: matrix(dim, ffn, 1 / Math.sqrt(ffn), free, all),
      },
    );
  }
  return tensors;
}
