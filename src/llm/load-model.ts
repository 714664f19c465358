import { fingerprintModelFile } from "./fingerprint-model-file.js";
import { getLlamaRuntime, type LlamaGpuSetting } from "./get-llama-runtime.js";
import { inspectGgufFile } from "./inspect-gguf-file.js";
import { ModelLoadError } from "./llm-errors.js";
import { LlmModel } from "./llm-model.js";
import { parseLlamaThreads } from "./resolve-thread-count.js";

export interface LoadModelParams {
  path: string;
  /** Defaults to LLAMA_GPU (auto). Only the first load of the process picks the runtime. */
  gpu?: LlamaGpuSetting;
  /** Layers offloaded to the GPU; default "auto". */
  gpuLayers?: "auto" | "max" | number;
}

/**
 * Loads a GGUF model. The file is checked first (exists, GGUF magic, complete, supported architecture) so each
 * problem gets its own named error instead of llama.cpp's generic failure.
 */
export async function loadModel(params: LoadModelParams): Promise<LlmModel> {
  parseLlamaThreads(process.env.LLAMA_THREADS); // a bad value fails here, before any context needs it
  const file = await inspectGgufFile(params.path);
  const [llama, fingerprint] = await Promise.all([
    getLlamaRuntime(params.gpu),
    fingerprintModelFile(params.path, file.headerBytes),
  ]);
  try {
    const model = await llama.loadModel({ modelPath: params.path, gpuLayers: params.gpuLayers ?? "auto" });
    return new LlmModel(llama, model, file, fingerprint);
  } catch (error) {
    throw new ModelLoadError(params.path, error);
  }
}
