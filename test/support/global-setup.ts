import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./prepare-test-database.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL database the suites use (test/unit/store/test-databases.ts). */
    testDatabaseUrl: string;
  }
}

/**
 * Runs once per `vitest run`, before any test file: prepares the PostgreSQL the suites need (see
 * prepareTestDatabase) and hands its URL to the test workers with provide/inject. PGPORT moves the probe of the
 * local server (5432), e.g. to a port where nothing listens, to use the embedded server on a machine that has one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await prepareTestDatabase({
    url: process.env.TEST_DATABASE_URL,
    localPort: process.env.PGPORT ? Number(process.env.PGPORT) : 5432,
  }).catch((error: unknown) => {
    // Thrown, vitest would print "No test files found" above it; the reason alone is clearer.
    process.stderr.write(`test database: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  process.stderr.write(`test database: ${db.source}\n`);
  project.provide("testDatabaseUrl", db.url);
  return () => db.stop();
}
