import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname } from "node:path";

export interface OsUser {
  uid: number;
  gid: number;
  /** Every group the user is in, the primary one included. */
  groups: number[];
}

/**
 * The OS user `postgres`, made (as a system user in a group of its name) when the machine has none: PostgreSQL
 * refuses to run as root, so a test run as root runs it as this user. Only root may call this.
 */
export function getPostgresOsUser(): OsUser {
  const read = (): OsUser => {
    const id = (flag: string) =>
      execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim();
    return { uid: Number(id("-u")), gid: Number(id("-g")), groups: id("-G").split(/\s+/).map(Number) };
  };
  try {
    return read();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "pipe" });
      execFileSync("useradd", ["-r", "-M", "-g", "postgres", "postgres"], { stdio: "pipe" });
    } catch (error) {
      const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
      throw new Error(`there is no OS user postgres to run PostgreSQL as, and making one failed (${why})`);
    }
    return read();
  }
}

/**
 * The outermost folder on the way to `path` that `user` may not enter (no x bit for it), or null: as root,
 * the one line that says why the server could not start names it.
 */
export function findClosedFolder(path: string, user: OsUser): string | null {
  const chain: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(dir);
    } catch {
      return null;
    }
    if (!stat.isDirectory()) continue;
    const mode = stat.mode;
    const enters =
      stat.uid === user.uid
        ? (mode & 0o100) !== 0
        : user.groups.includes(stat.gid)
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0;
    if (!enters) return dir;
  }
  return null;
}
