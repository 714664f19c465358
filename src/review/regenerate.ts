import type { RepoConfig } from "../config/repo-config-schema.js";
import { renderRegenerationReply } from "../generator/render-regeneration-reply.js";
import { selectTargetMethods } from "../generator/select-target-methods.js";
import type { CandidateSource, MethodRegeneration, RegenerateTarget } from "../generator/types.js";
import { fetchFileText } from "../github/fetch-file-text.js";
import { findMergeBase } from "../github/find-merge-base.js";
import { listPullFiles } from "../github/list-pull-files.js";
import { postCommandReply } from "../github/post-command-reply.js";
import { callGitHub } from "../github/to-retryable-error.js";
import type { GitHubClient, ReplyTarget, RepoRef } from "../github/types.js";
import type { Judge } from "../judge/types.js";
import { describeJobBudget } from "../queue/describe-job-budget.js";
import { JobTimeoutError } from "../queue/types.js";
import { collectChangedMethods, type MethodExtractor } from "./collect-changed-methods.js";
import { judgeMethods } from "./judge-methods.js";
import { regenerateMethod } from "./regenerate-method.js";
import { postRegeneratedSuggestion } from "./regenerate-post-suggestion.js";

/** Each method costs N generations; a command on a PR with many findings does the first few. */
export const MAX_METHODS_PER_COMMAND = 5;

export interface RegenerateParams {
  repo: RepoRef;
  pullNumber: number;
  target: RegenerateTarget;
  replyTo: ReplyTarget;
  config: RepoConfig;
  signal?: AbortSignal;
}

export interface RegenerateDeps {
  octokit: GitHubClient;
  getGenerator: () => Promise<CandidateSource>;
  getJudge: () => Promise<Judge>;
  javaParser: MethodExtractor;
  log: { info(msg: string): void };
  /** Fixed seed for every method (tests); default one per method text. */
  seed?: number;
}

export type RegenerateOutcome = "posted" | "nothing" | "no-target" | "off";

/**
 * `/judge regenerate` for one PR: 1. the PR's changed methods at its head; 2. the ones the target
 * names (flagged: scored again, cached, and kept below the threshold); 3. per method: candidates,
 * filter, judge, ranking; 4. the winners posted as line comments (a one-click suggestion where the
 * whole method is in one hunk); 5. one reply where the command was given, saying what came of each.
 */
export async function regenerate(p: RegenerateParams, deps: RegenerateDeps): Promise<RegenerateOutcome> {
  const { octokit, javaParser } = deps;
  const { repo, pullNumber, config } = p;
  const reply = (body: string) => postCommandReply({ octokit, repo, pullNumber, to: p.replyTo, body });
  if (config.suggestions.mode === "off") {
    await reply(
      "Suggestions are off in this repository (`suggestions.mode: off` in `.github/java-judge.yml`).",
    );
    return "off";
  }

  // 1. The head of the PR and its changed methods.
  const pr = await callGitHub("reading the pull request", () =>
    octokit.rest.pulls.get({ ...repo, pull_number: pullNumber }),
  );
  const headSha = pr.data.head.sha;
  const files = await listPullFiles(octokit, repo, pullNumber);
  const baseSha = await findMergeBase(octokit, repo, pr.data.base.sha, headSha);
  const changes = await collectChangedMethods({
    octokit,
    repo,
    files,
    baseSha,
    headSha,
    config,
    parser: javaParser,
  });

  // 2. The target methods, with the original's score.
  const named = selectTargetMethods(changes.methods, p.target);
  if (named.length === 0) {
    await reply(`No changed method of this pull request matches ${describeTarget(p.target)}.`);
    return "no-target";
  }
  const judge = await deps.getJudge();
  const signal = p.signal === undefined ? {} : { signal: p.signal };
  // What the job is doing when its budget runs out, for the reply.
  let during = "scoring the current code";
  const results: MethodRegeneration[] = [];
  const timedOut = async (error: unknown, notDone: number): Promise<never> => {
    if (error instanceof JobTimeoutError) {
      // A failed reply must not turn the timeout into a retryable error: the job would only run out again.
      await reply(
        renderRegenerationReply({
          results,
          minGain: config.suggestions.min_gain,
          threshold: config.threshold,
          leftOut: 0,
          timedOut: { budget: describeJobBudget(error.budget), during, notDone },
        }),
      ).catch(() => {});
    }
    throw error;
  };
  const outcomes = await judgeMethods({ methods: named, judge, config, ...signal }).catch((error: unknown) =>
    timedOut(error, Math.min(named.length, MAX_METHODS_PER_COMMAND)),
  );
  const scoreOf = (i: number) => {
    const r = outcomes[i]?.result;
    return r?.kind === "scored" ? r : null;
  };
  const chosen = named
    .map((method, i) => ({ method, scored: scoreOf(i) }))
    .filter(({ scored }) => p.target.kind !== "flagged" || scored?.flagged === true);
  if (chosen.length === 0) {
    await reply("No changed method is flagged, so there is nothing to regenerate.");
    return "no-target";
  }
  const todo = chosen.slice(0, MAX_METHODS_PER_COMMAND);

  // 3-4. Candidates per method; the winner posted on the method's lines.
  const generator = await deps.getGenerator();
  const sources = new Map<string, { text: string; methods: ReturnType<MethodExtractor["extractMethods"]> }>();
  for (const { method, scored } of todo) {
    during = `regenerating \`${method.className.split(".").pop()}.${method.name}\``;
    let file = sources.get(method.path);
    if (!file) {
      const fetched = await fetchFileText({ octokit, repo, path: method.path, ref: headSha });
      const text = fetched.kind === "text" ? fetched.text : "";
      file = { text, methods: javaParser.extractMethods(method.path, text) };
      sources.set(method.path, file);
    }
    const { result, best } = await regenerateMethod({
      method,
      source: file.text,
      fileMethods: file.methods,
      originalScore: scored?.score ?? null,
      candidates: config.suggestions.candidates,
      minGain: config.suggestions.min_gain,
      threshold: config.threshold,
      generator,
      judge,
      extractMethods: (path, source) => javaParser.extractMethods(path, source),
      ...(deps.seed === undefined ? {} : { seed: deps.seed }),
      ...signal,
    }).catch((error: unknown) => timedOut(error, todo.length - results.length));
    if (best) {
      const posted = await postRegeneratedSuggestion({
        ...p,
        octokit,
        headSha,
        method,
        changes,
        best,
        result,
        generator,
      });
      result.posted = posted;
    }
    results.push(result);
    deps.log.info(
      `regenerate ${repo.owner}/${repo.repo}#${pullNumber} ${method.key}: ${result.outcome} (${result.kept}/${result.generated} kept)`,
    );
  }

  // 5. One reply where the command was given.
  await reply(
    renderRegenerationReply({
      results,
      minGain: config.suggestions.min_gain,
      threshold: config.threshold,
      leftOut: chosen.length - todo.length,
    }),
  );
  return results.some((r) => r.posted) ? "posted" : "nothing";
}

function describeTarget(t: RegenerateTarget): string {
  switch (t.kind) {
    case "flagged":
      return "a flagged method";
    case "key":
      return "this thread's method (it may have been removed or no longer differ from the base)";
    case "name":
      return `\`${t.name}\``;
    case "line":
      return `\`${t.path}:${t.line}\``;
  }
}
