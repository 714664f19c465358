import type { LlmModel } from "../llm/llm-model.js";
import { loadModel } from "../llm/load-model.js";
import { resolveModel } from "../llm/resolve-model.js";
import { createModelCandidateSource } from "./create-model-candidate-source.js";
import type { CandidateSource } from "./types.js";

export interface GeneratorLoader {
  /** The process's one generator, loaded on first use; rejects (and tries again next time) when it cannot load. */
  get(): Promise<CandidateSource>;
  dispose(): Promise<void>;
}

/** Loads GENERATOR_MODEL once per process, only when a regeneration first needs it. */
export function createGeneratorLoader(params: { model: string | undefined }): GeneratorLoader {
  let loading: Promise<{ model: LlmModel; source: CandidateSource }> | undefined;
  return {
    async get() {
      loading ??= load(params.model).catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return (await loading).source;
    },
    async dispose() {
      const loaded = await loading?.catch(() => undefined);
      loading = undefined;
      await loaded?.model.dispose();
    },
  };
}

async function load(name: string | undefined): Promise<{ model: LlmModel; source: CandidateSource }> {
  if (!name) {
    throw new Error(
      "no generator model configured: set GENERATOR_MODEL (the action's generator-model input) to a GGUF path or a name from models/models.json",
    );
  }
  const resolved = await resolveModel(name);
  const model = await loadModel({ path: resolved.path });
  return { model, source: createModelCandidateSource(model) };
}
