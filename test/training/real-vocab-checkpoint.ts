// A tiny Hugging Face checkpoint whose tokenizer transformers built from one of llama.cpp's real vocab GGUFs
// (build-real-vocab-checkpoint.py), cached under the OS temp dir by the builder's content and parameters.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlamaRuntime } from "../../src/llm/get-llama-runtime.js";
import { runProcess } from "../../src/training/run-process.js";
import { type RealVocabName, realVocabPath } from "../support/real-vocab.js";

export interface RealVocabCheckpointParams {
  python: string;
  vocab: RealVocabName;
  arch: "qwen2" | "llama";
  /** A chat template for a vocabulary file without one (llama-bpe's has none; a real Llama-3 carries its own). */
  chatTemplate?: string;
  /** Default: tiny (hidden 64, 2 layers, untied). */
  shape?: CheckpointShape;
  /** Default: the OS temp dir. */
  cacheDir?: string;
}

/** A decoder's shape (build-real-vocab-checkpoint.py's flags). */
export interface CheckpointShape {
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  intermediate: number;
  /** The output layer is the embedding (Qwen2.5 0.5B to 3B). */
  tied: boolean;
  saveDtype: "float32" | "bfloat16";
}

/** Qwen2.5-Coder-0.5B's shape (its config.json): 494M parameters with the 151,936-token vocabulary. */
export const QWEN2_0_5B_SHAPE: CheckpointShape = {
  hidden: 896,
  layers: 24,
  heads: 14,
  kvHeads: 2,
  intermediate: 4864,
  tied: true,
  saveDtype: "bfloat16",
};

export interface RealVocabCheckpoint {
  dir: string;
  parameters: number;
  /** llama.cpp's word on the vocab file: it puts BOS first (the checkpoint's tokenizer was made to agree). */
  addsBos: boolean;
  vocabSize: number;
}

const BUILDER = join(import.meta.dirname, "build-real-vocab-checkpoint.py");

export async function buildRealVocabCheckpoint(
  params: RealVocabCheckpointParams,
): Promise<RealVocabCheckpoint> {
  const vocab = await realVocabPath(params.vocab);
  const llama = await getLlamaRuntime(false);
  const vocabModel = await llama.loadModel({ modelPath: vocab, vocabOnly: true });
  const addsBos = vocabModel.tokens.shouldPrependBosToken;
  await vocabModel.dispose();
  const key = createHash("sha256")
    .update(await readFile(BUILDER))
    .update(JSON.stringify({ ...params, python: undefined, addsBos }))
    .digest("hex")
    .slice(0, 16);
  const dir = join(params.cacheDir ?? tmpdir(), "java-judge-real-vocab-checkpoint", key);
  const summaryPath = join(dir, "built.json");
  if (!(await exists(summaryPath))) {
    // Built aside and renamed into place: parallel test files may build the same checkpoint.
    const partial = `${dir}.${process.pid}.part`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    const templatePath = join(partial, "chat_template.in.jinja");
    if (params.chatTemplate !== undefined) await writeFile(templatePath, params.chatTemplate);
    const result = await runProcess({
      command: params.python,
      args: [
        BUILDER,
        ...["--vocab", vocab, "--out", partial, "--arch", params.arch],
        ...(addsBos ? ["--add-bos"] : []),
        ...(params.chatTemplate === undefined ? [] : ["--chat-template", templatePath]),
        ...(params.shape === undefined ? [] : shapeArgs(params.shape)),
      ],
    });
    if (result.code !== 0)
      throw new Error(`build-real-vocab-checkpoint.py failed: ${result.stderr.slice(-2000)}`);
    await rm(templatePath, { force: true });
    await writeFile(join(partial, "built.json"), result.stdout.trim().split("\n").at(-1) ?? "{}");
    await rename(partial, dir).catch(async () => {
      await rm(partial, { recursive: true, force: true });
      if (!(await exists(summaryPath))) throw new Error(`could not put the checkpoint in ${dir}`);
    });
  }
  const built = JSON.parse(await readFile(summaryPath, "utf8")) as { vocabSize: number; parameters: number };
  return { dir, addsBos, vocabSize: built.vocabSize, parameters: built.parameters };
}

function shapeArgs(s: CheckpointShape): string[] {
  return [
    ...["--hidden", String(s.hidden), "--layers", String(s.layers), "--heads", String(s.heads)],
    ...[
      "--kv-heads",
      String(s.kvHeads),
      "--intermediate",
      String(s.intermediate),
      "--save-dtype",
      s.saveDtype,
    ],
    ...(s.tied ? ["--tied"] : []),
  ];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
