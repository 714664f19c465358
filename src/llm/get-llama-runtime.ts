import { getLlama, type Llama, LlamaLogLevel } from "node-llama-cpp";
import { UsageError } from "../errors.js";

export type LlamaGpuSetting = "auto" | "cuda" | "vulkan" | false;

/** Parses LLAMA_GPU: auto (default), cuda, vulkan, false (CPU). */
export function parseLlamaGpu(value: string | undefined): LlamaGpuSetting {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "auto") return "auto";
  if (v === "cuda" || v === "vulkan") return v;
  if (v === "false" || v === "cpu" || v === "0") return false;
  throw new UsageError(`LLAMA_GPU=${value} is not one of auto, cuda, vulkan, false`);
}

let runtime: { gpu: LlamaGpuSetting; llama: Promise<Llama> } | undefined;

/**
 * The llama.cpp runtime, loaded once per process: the first caller's GPU setting wins. Never builds or downloads
 * llama.cpp at run time (prebuilt binaries only).
 */
export function getLlamaRuntime(gpu: LlamaGpuSetting = parseLlamaGpu(process.env.LLAMA_GPU)): Promise<Llama> {
  if (runtime === undefined) {
    const llama = getLlama({ gpu, build: "never", logLevel: LlamaLogLevel.error }).catch((error: unknown) => {
      runtime = undefined;
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new Error(`no usable llama.cpp binary for LLAMA_GPU=${gpu}: ${why}; try LLAMA_GPU=false`);
    });
    runtime = { gpu, llama };
  }
  return runtime.llama;
}
