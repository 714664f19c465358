import type { LlamaGpuSetting } from "../llm/get-llama-runtime.js";
import { loadModel } from "../llm/load-model.js";
import { resolveModel } from "../llm/resolve-model.js";
import { createEnsembleJudge } from "./create-ensemble-judge.js";
import { createModelJudge } from "./create-model-judge.js";
import { parsePromptTemplate } from "./prompt-template.js";
import type { Judge } from "./types.js";

export interface OpenJudgeParams {
  /** JUDGE_MODEL / --model: a GGUF path or a models.json name; several, comma-separated, make an ensemble. */
  model: string;
  sequences?: number;
  contextSize?: number;
  gpu?: LlamaGpuSetting;
  modelsDir?: string;
}

/** A judge from what a person types: resolves names, applies each model's template from models.json. */
export async function openJudge(params: OpenJudgeParams): Promise<Judge> {
  const judges: Judge[] = [];
  try {
    for (const name of params.model.split(",").map((s) => s.trim())) {
      const resolved = await resolveModel(
        name,
        params.modelsDir === undefined ? {} : { modelsDir: params.modelsDir },
      );
      const template =
        resolved.entry?.template === undefined
          ? undefined
          : parsePromptTemplate(resolved.entry.template, `models/models.json (${resolved.entry.name})`);
      const llm = await loadModel({
        path: resolved.path,
        ...(params.gpu === undefined ? {} : { gpu: params.gpu }),
      });
      const judge = await createModelJudge({
        model: llm,
        ...(params.sequences === undefined ? {} : { sequences: params.sequences }),
        ...(params.contextSize === undefined ? {} : { contextSize: params.contextSize }),
        ...(template === undefined ? {} : { template }),
        name: resolved.entry?.name ?? llm.name,
      }).catch(async (error: unknown) => {
        await llm.dispose();
        throw error;
      });
      const dispose = judge.dispose;
      // This judge was handed a loaded model, so it would leave it loaded: close both.
      judges.push({
        ...judge,
        dispose: async () => {
          await dispose();
          await llm.dispose();
        },
      });
    }
  } catch (error) {
    for (const j of judges) await j.dispose();
    throw error;
  }
  return createEnsembleJudge(judges);
}
