import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { ScoreCache } from "./types.js";

export function createScoreCacheRepository(db: Kysely<Database>, now: () => Date): ScoreCache {
  return {
    async getScore(modelId, promptHash) {
      const row = await db
        .selectFrom("score_cache")
        .select("score")
        .where("model_id", "=", modelId)
        .where("prompt_hash", "=", promptHash)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.score);
    },
    async putScore(modelId, promptHash, score) {
      if (!Number.isFinite(score))
        throw new Error(`refusing to cache the non-finite score ${score} for ${modelId}`);
      await db
        .insertInto("score_cache")
        .values({ model_id: modelId, prompt_hash: promptHash, score, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(["model_id", "prompt_hash"]).doUpdateSet({ score }))
        .execute();
    },
  };
}
