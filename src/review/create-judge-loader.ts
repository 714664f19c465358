import { createCachedJudge } from "../judge/create-cached-judge.js";
import { openJudge } from "../judge/open-judge.js";
import type { Judge } from "../judge/types.js";
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
  // Names resolve through models.json (with their prompt template); `a,b` makes an ensemble.
  return createCachedJudge(await openJudge({ model: params.model }), params.cache);
}
