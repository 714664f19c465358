import { createModelCandidateSource } from "../../generator/create-model-candidate-source.js";
import type { CandidateSource } from "../../generator/types.js";
import type { LlmModel } from "../../llm/llm-model.js";
import { loadModel } from "../../llm/load-model.js";
import { resolveModel } from "../../llm/resolve-model.js";

export interface GeneratorLoader {
  /** The generator, loaded on first use (only `/judge regenerate` needs it); rejects when none is configured. */
  get(): Promise<CandidateSource>;
  dispose(): Promise<void>;
}

/** The generator-model input (a GGUF path or a models.json name), loaded at most once per job. */
export function createGeneratorLoader(model: string | undefined): GeneratorLoader {
  let loading: Promise<LlmModel> | undefined;
  const load = async () => {
    if (!model) {
      throw new Error(
        "no generator model configured: set the action's generator-model input to a GGUF path or a name from models/models.json",
      );
    }
    return loadModel({ path: (await resolveModel(model)).path });
  };
  return {
    async get() {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return createModelCandidateSource(await loading);
    },
    async dispose() {
      const llm = await loading?.catch(() => undefined);
      loading = undefined;
      await llm?.dispose();
    },
  };
}
