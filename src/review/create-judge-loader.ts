import { createCachedJudge } from "../judge/create-cached-judge.js";
import { createModelJudge } from "../judge/create-model-judge.js";
import { parsePromptTemplate } from "../judge/prompt-template.js";
import type { Judge } from "../judge/types.js";
import { resolveModel } from "../llm/resolve-model.js";
import type { ScoreCache } from "../store/types.js";

export interface JudgeLoader {
  /** The process's one judge, loaded on first use; rejects (and tries again next time) when it cannot load. */
  get(): Promise<Judge>;
  dispose(): Promise<void>;
}

/** Loads JUDGE_MODEL once per process, behind the store's score cache (same model + prompt = no model call). */
export function createJudgeLoader(params: { model: string | undefined; cache: ScoreCache }): JudgeLoader {
  let loading: Promise<Judge> | undefined;
  return {
    get() {
      loading ??= load(params).catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    },
    async dispose() {
      const judge = await loading?.catch(() => undefined);
      loading = undefined;
      await judge?.dispose();
    },
  };
}

async function load(params: { model: string | undefined; cache: ScoreCache }): Promise<Judge> {
  if (!params.model)
    throw new Error(
      "no judge model configured: set JUDGE_MODEL to a GGUF path or a name from models/models.json",
    );
  const resolved = await resolveModel(params.model);
  const judge = await createModelJudge({
    model: resolved.path,
    ...(resolved.entry?.template === undefined
      ? {}
      : { template: parsePromptTemplate(resolved.entry.template, `models.json "${resolved.entry.name}"`) }),
    ...(resolved.entry ? { name: resolved.entry.name } : {}),
  });
  return createCachedJudge(judge, params.cache);
}
