// Occlusion on real inference: a tiny GGUF whose "0" wins exactly when the text holds BUG (build-tiny-weights.ts), so
// the line carrying the marker is the one culprit; real fixture methods; the judge's own batching and prefix reuse.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../../bench/create-random.js";
import { repoConfigSchema } from "../../src/config/repo-config-schema.js";
import { explainMethods } from "../../src/explain/explain-methods.js";
import { selectOcclusionLines } from "../../src/explain/select-occlusion-lines.js";
import type { MethodExplanation } from "../../src/explain/types.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import type { ChangedMethod, ExtractedMethod } from "../../src/java/types.js";
import { buildJudgePrompt } from "../../src/judge/build-judge-prompt.js";
import { createModelJudge } from "../../src/judge/create-model-judge.js";
import { judgeInputFromMethod } from "../../src/judge/judge-input-from-method.js";
import { DEFAULT_PROMPT_TEMPLATE } from "../../src/judge/prompt-template.js";
import type { Judge } from "../../src/judge/types.js";
import type { LlmModel } from "../../src/llm/llm-model.js";
import { loadModel } from "../../src/llm/load-model.js";
import { createJobDeadline } from "../../src/queue/create-job-deadline.js";
import { explainFindings, OUT_OF_TIME } from "../../src/review/explain-findings.js";
import { toOutcome } from "../../src/review/judge-methods.js";
import type { MethodOutcome } from "../../src/review/types.js";
import { createGitFixture } from "../unit/java/git-fixture.js";
import { writeTinyGguf } from "./write-tiny-gguf.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/java");
const CONFIG = repoConfigSchema.parse({});

/** Every fixture method with at least two lines to try, BUG appended to one of them (seeded). */
async function markedMethods(): Promise<{ method: ExtractedMethod; bugLine: number }[]> {
  const parser = await loadJavaParser();
  const random = createRandom(18);
  const out: { method: ExtractedMethod; bugLine: number }[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    if (name === "Broken.java") continue;
    const source = readFileSync(join(FIXTURES, name), "utf8");
    for (const m of parser.extractMethods(name, source)) {
      const code = judgeInputFromMethod(m).code;
      const tried = selectOcclusionLines({ code, signature: m.signature, maxLines: 1000 }).lines;
      if (m.hasError || tried.length < 2 || m.text.includes("BUG")) continue;
      const pick = tried[Math.floor(random() * tried.length)]!;
      const lines = m.text.split("\n");
      lines[pick.index] = `${lines[pick.index]} // BUG`;
      out.push({ method: { ...m, text: lines.join("\n") }, bugLine: m.startLine + pick.index });
    }
  }
  return out;
}

let llm: LlmModel;
const judges: Judge[] = [];
const judgeOf = async (reusePrefix: boolean, contextSize = 2048) => {
  const j = await createModelJudge({ model: llm, contextSize, sequences: 1, threads: 1, reusePrefix });
  judges.push(j);
  return j;
};

beforeAll(async () => {
  llm = await loadModel({ path: await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } }), gpu: false });
});
afterAll(async () => {
  for (const j of judges) await j.dispose();
  await llm.dispose();
});

describe("explainMethods on a model that doubts exactly the BUG line", () => {
  it("names the marked line first in every method; each variant costs about the tokens after its line", async () => {
    const marked = await markedMethods();
    expect(marked.length).toBeGreaterThanOrEqual(15);
    const reuse = await judgeOf(true);
    const whole = await judgeOf(false);
    const inputs = marked.map((m) => judgeInputFromMethod(m.method));
    const scored = await reuse.score(inputs);
    const targets = marked.map((m, i) => {
      const r = scored[i];
      expect(r?.kind).toBe("scored");
      return { input: inputs[i]!, startLine: m.method.startLine, score: r?.kind === "scored" ? r.score : 1 };
    });
    for (const t of targets) expect(t.score).toBeLessThan(0.5);

    const before = reuse.stats();
    const explained = await explainMethods({ judge: reuse, targets, maxLines: 1000 });
    const withReuse = reuse.stats().evaluatedTokens - before.evaluatedTokens;
    const promptTokens = reuse.stats().promptTokens - before.promptTokens;
    const top = explained.map((e) => (e.kind === "explained" ? e.lines[0] : undefined));
    expect(top.map((l) => l?.line)).toEqual(marked.map((m) => m.bugLine));
    for (const l of top) expect(l?.delta).toBeGreaterThan(0.5);
    // The other lines change nothing here: the marker alone decides.
    for (const e of explained as Extract<MethodExplanation, { kind: "explained" }>[])
      for (const l of e.lines.slice(1)) expect(Math.abs(l.delta)).toBeLessThan(0.05);

    // The same variants evaluated whole: same scores (bit-identical without flash attention), many more tokens.
    const again = await explainMethods({ judge: whole, targets, maxLines: 1000 });
    expect(again).toEqual(explained);
    const withoutReuse = whole.stats().evaluatedTokens;
    expect(withoutReuse).toBe(promptTokens);

    // The bound: each variant costs its tokens from its line on (+4 for the tokenizer's seams), except one whole
    // prompt per method, the first of its variants the judge meets.
    const tokens = (text: string) => llm.tokenize(text).length;
    let bound = 0;
    for (const t of targets) {
      const code = t.input.code.split("\n");
      const tried = selectOcclusionLines({
        code: t.input.code,
        signature: t.input.signature,
        maxLines: 1000,
      });
      let longest = 0;
      for (const l of tried.lines) {
        const variant = { ...t.input, code: code.filter((_, i) => i !== l.index).join("\n") };
        const full = tokens(buildJudgePrompt(variant, DEFAULT_PROMPT_TEMPLATE));
        const before = buildJudgePrompt(
          { ...t.input, code: code.slice(0, l.index).join("\n") },
          DEFAULT_PROMPT_TEMPLATE,
        );
        const prefix = tokens(before.slice(0, before.indexOf("\n### Rating")));
        bound += full - prefix + 4;
        longest = Math.max(longest, prefix);
      }
      bound += longest;
    }
    expect(withReuse).toBeLessThanOrEqual(bound);
    const ratio = withReuse / withoutReuse;
    process.stderr.write(
      `explain: ${marked.length} methods, ${promptTokens} prompt tokens of variants, ${withReuse} evaluated with prefix reuse (${ratio.toFixed(3)} of ${withoutReuse}); bound ${bound}\n`,
    );
    expect(ratio).toBeLessThan(0.6);
  }, 120_000);

  it("blanking the line instead of leaving it out names the same lines", async () => {
    const marked = (await markedMethods()).slice(0, 8);
    const judge = await judgeOf(true);
    const inputs = marked.map((m) => judgeInputFromMethod(m.method));
    const scored = await judge.score(inputs);
    const targets = marked.map((m, i) => ({
      input: inputs[i]!,
      startLine: m.method.startLine,
      score: scored[i]?.kind === "scored" ? scored[i].score : 1,
    }));
    const blank = await explainMethods({ judge, targets, maxLines: 1000, occlusion: "blank" });
    expect(blank.map((e) => (e.kind === "explained" ? e.lines[0]?.line : 0))).toEqual(
      marked.map((m) => m.bugLine),
    );
  }, 60_000);
});

/** One flagged outcome per method, as judgeMethods leaves them. */
function flaggedOutcomes(methods: ChangedMethod[], score = 0.01): MethodOutcome[] {
  return methods.map((m) => ({
    ...toOutcome(m, { kind: "scored", score, flagged: true }),
    hasJavadoc: true,
  }));
}

/** A method of `lines` lines, BUG on its last statement. */
async function longMethod(lines: number): Promise<ChangedMethod> {
  // Short lines: the tiny vocabulary spends a token on almost every character.
  const body = Array.from({ length: lines - 3 }, () => "    t++;");
  body.push("    return t; // BUG");
  const source = [
    "class Long {",
    "    /** Sums. */",
    "    long sum(int step) {",
    "    long t = 0;",
    ...body.slice(1),
    "    }",
    "}",
  ].join("\n");
  const parser = await loadJavaParser();
  const m = parser.extractMethods("Long.java", source)[0]!;
  expect(m.endLine - m.startLine + 1).toBe(lines);
  return { ...m, change: "added" };
}

describe("explainFindings never fails or hangs a review", () => {
  it("a method of max_method_lines lines: at most explain.max_lines variants, in bounded time", async () => {
    const method = await longMethod(CONFIG.max_method_lines);
    const judge = await judgeOf(true, 8192);
    const outcomes = flaggedOutcomes([method]);
    const started = performance.now();
    const r = await explainFindings({ outcomes, methods: [method], judge, config: CONFIG });
    const seconds = (performance.now() - started) / 1000;
    const e = outcomes[0]?.explanation;
    expect(r.note).toBeNull();
    expect(e?.kind).toBe("explained");
    if (e?.kind !== "explained") return;
    expect(e.lines).toHaveLength(CONFIG.explain.max_lines);
    expect(e.untriedLines).toBe(CONFIG.max_method_lines - 2 - CONFIG.explain.max_lines);
    process.stderr.write(`explain: a ${CONFIG.max_method_lines}-line method in ${seconds.toFixed(2)} s\n`);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it("a broken model: the findings stay, without their lines, and say why", async () => {
    const method = await longMethod(12);
    const judge = await createModelJudge({ model: llm, contextSize: 1024, sequences: 1, threads: 1 });
    await judge.dispose(); // the context is gone: llama.cpp refuses every evaluation
    const outcomes = flaggedOutcomes([method]);
    const r = await explainFindings({ outcomes, methods: [method], judge, config: CONFIG });
    expect(r.explained).toBe(0);
    expect(r.note).toMatch(/^the judge failed while explaining: /);
    expect(outcomes[0]?.explanation).toEqual({ kind: "not-explained", reason: r.note });
    expect(outcomes[0]?.result).toEqual({ kind: "scored", score: 0.01, flagged: true });
  });

  it("the job's deadline: stops with time left to post, the findings marked as out of time", async () => {
    const method = await longMethod(CONFIG.max_method_lines);
    const judge = await judgeOf(true, 8192);
    const config = { explain: { ...CONFIG.explain, max_lines: 200 } };
    // 1.1 s budget - the 1 s reserve = 0.1 s to explain: the 200 variants took 0.4-0.5 s here when the model was warm
    // (a 0.5 s window let them finish now and then), so the deadline must stop them on any CPU.
    const deadline = createJobDeadline("review", { seconds: 1.1, source: "test" });
    try {
      const outcomes = flaggedOutcomes([method]);
      const started = performance.now();
      const r = await explainFindings({ outcomes, methods: [method], judge, config, deadline });
      const seconds = (performance.now() - started) / 1000;
      expect(r.note).toBe(OUT_OF_TIME);
      expect(outcomes[0]?.explanation).toEqual({ kind: "not-explained", reason: OUT_OF_TIME });
      // 0.1 s to explain, then at most one llama.cpp batch to notice: well before the job's own deadline.
      expect(seconds).toBeLessThan(1.1);
      expect(deadline.signal.aborted).toBe(false);
    } finally {
      deadline.clear();
    }
  }, 60_000);
});

describe("java-judge score --explain / review --explain", () => {
  const SUM = [
    "class Sum {",
    "  /** Sums the array, skipping negatives. */",
    "  int sum(int[] xs) {",
    "    int total = 0;",
    "    for (int x : xs) {",
    "      if (x < 0) continue;",
    "      total += x; // BUG",
    "    }",
    "    return total;",
    "  }",
    "}",
    "",
  ].join("\n");
  const cli = (...args: string[]) =>
    promisify(execFile)("node", ["bin/java-judge.js", ...args], { env: { ...process.env, JUDGE_MODEL: "" } });

  it("--json gives the flagged method's lines, most doubted first", async () => {
    const model = await writeTinyGguf({ behaviour: { flagIfContains: "BUG" } });
    const repo = createGitFixture();
    try {
      const base = repo.commit({ "src/Sum.java": "class Sum {\n}\n" }, "base");
      repo.commit({ "src/Sum.java": SUM }, "head");
      const file = join(repo.dir, "src/Sum.java");
      const scored = JSON.parse((await cli("score", file, "--model", model, "--explain", "--json")).stdout);
      expect(scored[0].lines[0]).toEqual({ line: 7, text: "total += x; // BUG", delta: expect.any(Number) });
      expect(scored[0].lines[0].delta).toBeGreaterThan(0.5);
      expect(scored[0].lines.map((l: { line: number }) => l.line).sort()).toEqual([4, 5, 6, 7, 9]);
      expect(scored[0]).toMatchObject({ skippedLines: 3, untriedLines: 0 });
      const reviewed = JSON.parse(
        (await cli("review", "--repo", repo.dir, "--base", base, "--model", model, "--explain", "--json"))
          .stdout,
      );
      expect(reviewed.methods[0]).toMatchObject({ name: "sum", verdict: "flagged" });
      expect(reviewed.methods[0].lines[0]).toMatchObject({ line: 7, text: "total += x; // BUG" });
    } finally {
      repo.remove();
    }
  }, 120_000);
});
