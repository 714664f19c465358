import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { type RealVocabGgufParams, writeRealVocabGguf } from "./write-real-vocab-gguf.js";

/**
 * Random-weight models on real vocabularies, loaded once per file (a real vocabulary costs seconds to load: gemma-4's
 * 262,144 tokens and merges); `dispose` frees every one.
 */
export function createRealVocabLoader(): {
  load(params: RealVocabGgufParams): Promise<LlmModel>;
  dispose(): Promise<void>;
} {
  const loaded = new Map<string, Promise<LlmModel>>();
  return {
    async load(params) {
      const path = await writeRealVocabGguf(params);
      if (!loaded.has(path)) loaded.set(path, loadModel({ path, gpu: false }));
      return loaded.get(path) as Promise<LlmModel>;
    },
    async dispose() {
      for (const m of loaded.values()) await (await m).dispose();
    },
  };
}
