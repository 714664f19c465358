import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDotEnv } from "../../../src/config/load-dot-env.js";
import {
  needsAppSetup,
  readJobBudgets,
  readServerEnv,
  requireAppEnv,
} from "../../../src/config/read-server-env.js";

describe("readServerEnv", () => {
  it("gives DESIGN's defaults", () => {
    expect(readServerEnv({})).toEqual({
      port: 3000,
      host: "localhost",
      databaseUrl: "sqlite:./data/java-judge.db",
      workers: 1,
      judgeModel: undefined,
      generatorModel: undefined,
      jobBudgets: readJobBudgets({}),
    });
  });

  it("honours every variable; WORKERS=0 is a webhook-only server", () => {
    const env = {
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgres://u@h:5432/db",
      WORKERS: "0",
      JUDGE_MODEL: "judge-qwen2.5-coder-3b",
      GENERATOR_MODEL: "/m/gen.gguf",
    };
    expect(readServerEnv(env)).toEqual({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgres://u@h:5432/db",
      workers: 0,
      judgeModel: "judge-qwen2.5-coder-3b",
      generatorModel: "/m/gen.gguf",
      jobBudgets: readJobBudgets({}),
    });
  });

  it("refuses a bad job budget at start-up, in one line", () => {
    expect(() => readServerEnv({ JOB_TIMEOUT_REVIEW_S: "15m" })).toThrow(
      'JOB_TIMEOUT_REVIEW_S must be a number of seconds > 0, got "15m"',
    );
  });

  it.each(["-1", "1.5", "two"])("refuses WORKERS=%s", (value) => {
    expect(() => readServerEnv({ WORKERS: value })).toThrow(
      `WORKERS must be a whole number >= 0, got "${value}"`,
    );
  });
});

describe("needsAppSetup", () => {
  it("is the first run: no credential at all (an empty one from a copied .env.example counts as none)", () => {
    expect(needsAppSetup({})).toBe(true);
    expect(needsAppSetup({ APP_ID: "", PRIVATE_KEY: "", WEBHOOK_SECRET: "", PORT: "3000" })).toBe(true);
  });

  it("is not when any credential is set: a partial set is the error requireAppEnv names", () => {
    expect(needsAppSetup({ APP_ID: "1" })).toBe(false);
    expect(needsAppSetup({ PRIVATE_KEY_PATH: "app.pem" })).toBe(false);
    expect(needsAppSetup({ WEBHOOK_SECRET: "s" })).toBe(false);
  });

  it("is not in production, where Probot refuses its setup page", () => {
    expect(needsAppSetup({ NODE_ENV: "production" })).toBe(false);
  });
});

describe("requireAppEnv", () => {
  it("names every missing credential on one line", () => {
    expect(() => requireAppEnv({})).toThrow(
      "missing APP_ID, WEBHOOK_SECRET, PRIVATE_KEY or PRIVATE_KEY_PATH: set them in the environment or .env",
    );
  });

  it("says when PRIVATE_KEY_PATH names no file (Probot would only say the key is required)", () => {
    const env = { APP_ID: "1", WEBHOOK_SECRET: "s", PRIVATE_KEY_PATH: "/nonexistent/app.pem" };
    expect(() => requireAppEnv(env)).toThrow("PRIVATE_KEY_PATH=/nonexistent/app.pem does not exist");
  });

  it("accepts a complete set", () => {
    const dir = mkdtempSync(join(tmpdir(), "jj-env-"));
    writeFileSync(join(dir, "app.pem"), "key");
    expect(() =>
      requireAppEnv({ APP_ID: "1", WEBHOOK_SECRET: "s", PRIVATE_KEY_PATH: join(dir, "app.pem") }),
    ).not.toThrow();
  });
});

describe("loadDotEnv", () => {
  const keys = ["JJ_TEST_FROM_FILE", "JJ_TEST_FROM_ENV"];
  afterEach(() => {
    for (const k of keys) delete process.env[k];
  });

  it("adds the file's variables; the environment wins over the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "jj-dotenv-")), ".env");
    writeFileSync(file, "JJ_TEST_FROM_FILE=file\nJJ_TEST_FROM_ENV=file\n");
    process.env.JJ_TEST_FROM_ENV = "env";
    loadDotEnv(file);
    expect(process.env.JJ_TEST_FROM_FILE).toBe("file");
    expect(process.env.JJ_TEST_FROM_ENV).toBe("env");
  });

  it("does nothing without a file", () => {
    loadDotEnv(join(tmpdir(), "jj-no-such-dir", ".env"));
    expect(process.env.JJ_TEST_FROM_FILE).toBeUndefined();
  });
});
