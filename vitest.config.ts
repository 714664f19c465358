import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // PostgreSQL for the store and queue suites: TEST_DATABASE_URL, the local server, or one started for the run.
    globalSetup: ["test/support/global-setup.ts"],
    // Two cores here: model and database tests are heavy, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
