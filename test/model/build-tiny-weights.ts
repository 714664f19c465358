import { createRandom } from "../../bench/create-random.js";
import type { GgmlType, GgufTensor } from "./encode-gguf.js";
import { randomQ8_0Tensor } from "./random-q8-0-tensor.js";

export type TinyBehaviour = "random" | { prefer: string } | { flagIfContains: string };

export interface TinyShape {
  seed: number;
  dim: number;
  layers: number;
  heads: number;
  /** Key/value heads (grouped-query attention when fewer than heads). */
  kvHeads: number;
  ffn: number;
  contextLength: number;
  vocabSize: number;
  /** Biases on the Q, K and V projections (qwen2 has them). */
  qkvBias: boolean;
  /** No output.weight: the output head is the token embedding (Qwen2.5-0.5B ties them). */
  tiedOutput: boolean;
  /** Type of the matrices; "q8_0" is for "random" weights only (its blocks are written directly). */
  tensorType: Extract<GgmlType, "f32" | "q8_0">;
}

export interface BehaviourTokens {
  /** Token that wins everywhere ("prefer"), or -1. */
  preferId: number;
  /** Marker token ("flagIfContains"), or -1; with it "0" wins, without it "1" wins. */
  markerId: number;
  zeroId: number;
  oneId: number;
}

// Dimensions reserved for the hand-set circuits; random weights neither read nor write them (except "random").
const MARK = 0; // set in the marker token's embedding
const ONE = 1; // 1 in every token's embedding: a constant the output head reads
const MEAN = 2; // layer 0's uniform attention writes the mean of MARK here
const RESERVED = 3;

/**
 * Weights of a llama or qwen2 model (F32; random Q8_0 with tensorType "q8_0"). "random": every weight random. The other behaviours keep random weights on the
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
  if (shape.tensorType === "q8_0") {
    if (behaviour !== "random")
      throw new Error("q8_0 weights are random only: the circuits need exact weights");
    return buildRandomQ8_0Weights(shape);
  }
  const exact = behaviour !== "random";
  if (exact && shape.tiedOutput) throw new Error("a tied output head cannot carry the behaviour's circuits");
  const { dim, layers, heads, ffn, vocabSize } = shape;
  const rand = createRandom(shape.seed);
  const gauss = (): number => {
    const u = rand() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
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
  const kvDim = headDim * shape.kvHeads;
  // Zero where a circuit runs, so the circuits stay exact.
  const bias = (n: number): Float32Array =>
    exact ? new Float32Array(n) : Float32Array.from({ length: n }, () => gauss() * 0.02);

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
  ];
  if (!shape.tiedOutput) tensors.push({ name: "output.weight", dims: [dim, vocabSize], data: output });
  const std = 1 / Math.sqrt(dim);
  for (let l = 0; l < layers; l++) {
    // Head 0 of layer 0 attends uniformly when its Q and K rows are zero.
    const notHead0 = (r: number): boolean => free(r) && !(exact && l === 0 && r < headDim);
    const q = matrix(dim, dim, std, notHead0);
    const k = matrix(kvDim, dim, std, notHead0);
    const v = matrix(kvDim, dim, std, (r) => r !== 0 || !exact);
    const o = matrix(dim, dim, std, free, (c) => c !== 0 || !exact);
    if (exact && l === 0 && ids.markerId >= 0) {
      v[0 * dim + MARK] = 1;
      o[MEAN * dim + 0] = 1;
    }
    const p = `blk.${l}.`;
    tensors.push(
      { name: `${p}attn_norm.weight`, dims: [dim], data: ones(dim) },
      { name: `${p}attn_q.weight`, dims: [dim, dim], data: q },
      { name: `${p}attn_k.weight`, dims: [dim, kvDim], data: k },
      { name: `${p}attn_v.weight`, dims: [dim, kvDim], data: v },
      ...(shape.qkvBias
        ? [
            { name: `${p}attn_q.bias`, dims: [dim], data: bias(dim) },
            { name: `${p}attn_k.bias`, dims: [kvDim], data: bias(kvDim) },
            { name: `${p}attn_v.bias`, dims: [kvDim], data: bias(kvDim) },
          ]
        : []),
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

/**
 * Random weights with Q8_0 matrices (norms and biases stay F32, as llama.cpp requires), the tensors of
 * buildTinyWeights. Each matrix has its own seed, so its bytes do not depend on the order it is written in.
 */
function buildRandomQ8_0Weights(shape: TinyShape): GgufTensor[] {
  const { dim, ffn, vocabSize } = shape;
  const kvDim = (dim / shape.heads) * shape.kvHeads;
  const rand = createRandom(shape.seed);
  let seed = shape.seed * 7919;
  const q8 = (name: string, rows: number, cols: number, std = 1 / Math.sqrt(cols)): GgufTensor => ({
    name,
    dims: [cols, rows],
    data: randomQ8_0Tensor(rows, cols, std, ++seed),
  });
  const f32 = (name: string, n: number, value: () => number): GgufTensor => ({
    name,
    dims: [n],
    data: Float32Array.from({ length: n }, value),
  });
  const one = () => 1;
  const bias = () => (rand() - 0.5) * 0.04;
  // Embeddings of std 1/sqrt(dim): as a tied output head they give logits of std ~1.
  const tensors = [q8("token_embd.weight", vocabSize, dim), f32("output_norm.weight", dim, one)];
  if (!shape.tiedOutput) tensors.push(q8("output.weight", vocabSize, dim));
  for (let l = 0; l < shape.layers; l++) {
    const p = `blk.${l}.`;
    tensors.push(
      f32(`${p}attn_norm.weight`, dim, one),
      q8(`${p}attn_q.weight`, dim, dim),
      q8(`${p}attn_k.weight`, kvDim, dim),
      q8(`${p}attn_v.weight`, kvDim, dim),
      ...(shape.qkvBias
        ? [
            f32(`${p}attn_q.bias`, dim, bias),
            f32(`${p}attn_k.bias`, kvDim, bias),
            f32(`${p}attn_v.bias`, kvDim, bias),
          ]
        : []),
      q8(`${p}attn_output.weight`, dim, dim),
      f32(`${p}ffn_norm.weight`, dim, one),
      q8(`${p}ffn_gate.weight`, ffn, dim),
      q8(`${p}ffn_up.weight`, ffn, dim),
      q8(`${p}ffn_down.weight`, dim, ffn),
    );
  }
  return tensors;
}
