import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultRepoConfig } from "../src/config/parse-repo-config.js";
import { findChangedMethods } from "../src/java/find-changed-methods.js";
import { loadJavaParser } from "../src/java/load-java-parser.js";
import { createCachedJudge } from "../src/judge/create-cached-judge.js";
import { createModelJudge } from "../src/judge/create-model-judge.js";
import type { LlmModel } from "../src/llm/llm-model.js";
import { judgeMethods } from "../src/review/judge-methods.js";
import { openStore } from "../src/store/open-store.js";

export interface IncrementalFigures {
  /** Changed methods of the PR (first push). */
  methods: number;
  /** Methods the re-push changed. */
  changed: number;
  /** Model evaluations of the first review. */
  firstEvaluations: number;
  /** Model evaluations of the review after the re-push (should equal `changed`). */
  modelEvaluations: number;
  /** Changed methods (against the base) the second review covers: all of them, scored, mostly from the cache. */
  secondRunMethods: number;
  secondRunScored: number;
}

const PATH = "src/main/java/com/acme/Pricing.java";

/** A class of `count` methods; `version(k)` picks the body variant of method k. */
function pricingClass(count: number, version: (k: number) => number): string {
  const methods = Array.from({ length: count }, (_, k) => {
    const v = version(k);
    return `    /** Price of item ${k} with the discount rules of tier ${k % 4}. */
    public long price${k}(long base, int quantity) {
        long total = base * quantity;
        if (quantity > ${10 + v}) total -= total / ${20 + (k % 7)};
        return Math.max(0, total - ${v});
    }`;
  });
  return `package com.acme;\n\npublic final class Pricing {\n${methods.join("\n\n")}\n}\n`;
}

/**
 * A PR changing `count` methods is reviewed through the cached judge over a real SQLite store; then one more
 * push changes one method and the PR is reviewed again. Only that method may reach the model.
 */
export async function measureIncremental(params: {
  llm: LlmModel;
  methods: number;
}): Promise<IncrementalFigures> {
  const dir = mkdtempSync(join(tmpdir(), "jj-bench-inc-"));
  const store = await openStore(`sqlite:${join(dir, "store.sqlite")}`);
  const model = await createModelJudge({ model: params.llm, sequences: 2, contextSize: 1024 });
  try {
    const parser = await loadJavaParser();
    const config = defaultRepoConfig();
    const judge = createCachedJudge(model, store);
    const extract = (text: string) => parser.extractMethods(PATH, text);
    const base = extract(pricingClass(params.methods, () => 0));
    const head1 = extract(pricingClass(params.methods, () => 1));
    const head2 = extract(pricingClass(params.methods, (k) => (k === 0 ? 2 : 1)));

    const first = findChangedMethods(base, head1);
    const before = model.stats().evaluations;
    await judgeMethods({ methods: first, judge, config });
    const firstEvaluations = model.stats().evaluations - before;

    const second = findChangedMethods(base, head2);
    const mid = model.stats().evaluations;
    const outcomes = await judgeMethods({ methods: second, judge, config });
    const modelEvaluations = model.stats().evaluations - mid;
    return {
      methods: first.length,
      changed: findChangedMethods(head1, head2).length,
      firstEvaluations,
      modelEvaluations,
      secondRunMethods: second.length,
      secondRunScored: outcomes.filter((o) => o.result.kind === "scored").length,
    };
  } finally {
    await model.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
