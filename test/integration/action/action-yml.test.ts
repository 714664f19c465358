import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfigOverrides } from "../../../src/action/parse-config-overrides.js";
import { readActionEnv } from "../../../src/action/read-action-env.js";

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: { name?: string; env?: Record<string, string>; run?: string }[] };
}

const root = new URL("../../../", import.meta.url);
const action = parse(readFileSync(new URL("action.yml", root), "utf8")) as ActionYml;
const review = action.runs.steps.find((s) => s.run?.includes('java-judge.js" action'));

/** The Review step's env as the runner would set it, each `${{ inputs.x }}` replaced by a sample value. */
function stepEnv(samples: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(review?.env ?? {}).map(([k, v]) => [
      k,
      v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => samples[name] ?? ""),
    ]),
  );
}

describe("action.yml", () => {
  it("runs `java-judge action` and hands every input to it", () => {
    expect(action.runs.using).toBe("composite");
    expect(review?.run).toBe('node "$GITHUB_ACTION_PATH/bin/java-judge.js" action');
    const used = JSON.stringify(review?.env ?? {}) + JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) expect(used).toContain(`inputs.${name}`);
    expect(action.inputs["judge-model"]?.required).toBe(true);
  });

  it("what the step passes is what `java-judge action` reads", () => {
    const env = stepEnv({
      "judge-model": "/opt/models/judge.gguf",
      "generator-model": "/opt/models/gen.gguf",
      config: "threshold: 0.3\n",
      "database-url": "sqlite:/var/lib/java-judge/db.sqlite",
      "github-token": "ghs_from_input",
      "llama-gpu": "cuda",
      "models-dir": "/opt/models",
    });
    const read = readActionEnv({
      ...env,
      GITHUB_EVENT_NAME: "pull_request_target",
      GITHUB_EVENT_PATH: "/tmp/event.json",
      GITHUB_REPOSITORY: "acme/shop",
    });
    expect(read).toMatchObject({
      token: "ghs_from_input",
      judgeModel: "/opt/models/judge.gguf",
      generatorModel: "/opt/models/gen.gguf",
      configOverrides: "threshold: 0.3",
      databaseUrl: "sqlite:/var/lib/java-judge/db.sqlite",
    });
    expect(env).toMatchObject({ LLAMA_GPU: "cuda", MODELS_DIR: "/opt/models" });
  });

  it("sets up the Node.js the Dockerfile ships (the current LTS), and docs/action.md says so", () => {
    const dockerfile = readFileSync(new URL("Dockerfile", root), "utf8");
    const major = /^FROM node:(\d+)/m.exec(dockerfile)?.[1];
    expect(major).toBe("24");
    expect(action.inputs["node-version"]?.default).toBe(major);
    const docs = readFileSync(new URL("docs/action.md", root), "utf8");
    expect(docs).toContain(`| \`node-version\` | \`${major}\` |`);
  });

  it("the example workflow's config input is valid, and it never checks out the PR", () => {
    const text = readFileSync(new URL("docs/examples/java-judge.yml", root), "utf8");
    const workflow = parse(text) as {
      permissions: Record<string, string>;
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    expect(workflow.permissions).toMatchObject({
      contents: "read",
      "pull-requests": "write",
      checks: "write",
    });
    expect(Object.keys(workflow.on)).toContain("pull_request_target");
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => s.uses?.startsWith("actions/checkout"))).toBe(false);
    const step = steps.find((s) => s.uses?.startsWith("java-judge/java-judge"));
    expect(parseConfigOverrides(step?.with?.config ?? "")).toEqual({
      check: { conclusion_when_flagged: "neutral" },
    });
  });
});
