/**
 * `java-judge changed` against javac's reading (ChangedMethods.java) on every commit of a real history:
 *   npx tsx bench/javac-changed/compare-with-javac.ts --repo DIR [--rev REV] [--commits N] [--path PATHSPEC]...
 * Each non-merge commit C is compared with its first parent: the `.java` files git lists as added, modified or
 * renamed, read by javac and by us; a file javac cannot parse is left out and counted. Prints one JSON object.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { listChangedMethodPairs } from "../../src/java/list-changed-method-pairs.js";
import { loadJavaParser } from "../../src/java/load-java-parser.js";
import { openGitRepository } from "../../src/java/open-git-repository.js";
import { resolveCommit } from "../../src/java/resolve-commit.js";

const CHECKER = fileURLToPath(new URL("./ChangedMethods.java", import.meta.url));

interface Row {
  path: string;
  className?: string;
  name?: string;
  parameterTypes?: string[];
  startLine?: number;
  change?: string;
  error?: string;
}

const { values } = parseArgs({
  options: {
    repo: { type: "string" },
    rev: { type: "string", default: "HEAD" },
    commits: { type: "string", default: "30" },
    path: { type: "string", multiple: true, default: [] },
  },
});
if (!values.repo) {
  process.stderr.write("compare-with-javac: pass --repo DIR (a git repository with Java history)\n");
  process.exit(2);
}
const repo = values.repo;
const git = (...args: string[]) =>
  execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
const pathspec = values.path.length > 0 ? values.path : ["*.java"];
const commits = git("rev-list", "--no-merges", "-n", values.commits, values.rev, "--", ...pathspec)
  .split("\n")
  .filter((c) => c !== "")
  .filter((c) => git("rev-list", "--parents", "-n", "1", c).trim().split(" ").length === 2);

const dir = mkdtempSync(join(tmpdir(), "jj-javac-changed-"));
const manifest: string[] = [];
const pairs = new Set<string>();
try {
  for (const commit of commits) {
    // Renames are found over the whole commit (a pathspec would hide where a file came from), then the files
    // the pathspec names are kept.
    const wanted = new Set(
      git("diff", "--name-only", "-z", `${commit}^`, commit, "--", ...pathspec).split("\0"),
    );
    const fields = git("diff", "--name-status", "-z", "-M", `${commit}^`, commit, "--").split("\0");
    for (let i = 0; i < fields.length; ) {
      const status = fields[i++] ?? "";
      if (status === "") continue;
      const renamed = status[0] === "R" || status[0] === "C";
      const from = fields[i++] ?? "";
      const to = renamed ? (fields[i++] ?? "") : from;
      if (status[0] === "D" || !to.endsWith(".java") || !wanted.has(to)) continue;
      const id = `${commit}:${to}`;
      const base = join(dir, `${manifest.length}-base.java`);
      const head = join(dir, `${manifest.length}-head.java`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        head,
        execFileSync("git", ["-C", repo, "show", `${commit}:${to}`], { maxBuffer: 1 << 28 }),
      );
      if (status[0] !== "A")
        writeFileSync(
          base,
          execFileSync("git", ["-C", repo, "show", `${commit}^:${from}`], { maxBuffer: 1 << 28 }),
        );
      manifest.push(`${id}\t${status[0] === "A" ? "-" : base}\t${head}`);
      pairs.add(id);
    }
  }
  writeFileSync(join(dir, "manifest.tsv"), `${manifest.join("\n")}\n`);
  const askJavac = (pairing: string): Row[] =>
    execFileSync("java", [`-Dpairing=${pairing}`, CHECKER, join(dir, "manifest.tsv")], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    })
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as Row);
  const javac = askJavac("contract");
  const orderOnly = askJavac("order");
  const unparsable = new Set(javac.filter((r) => r.error).map((r) => r.path));

  // The code under `java-judge changed` (changedMethodsInRepo), limited to the files compared.
  const ours: Row[] = [];
  const repoGit = await openGitRepository(repo);
  const parser = await loadJavaParser();
  let seconds = 0;
  for (const commit of commits) {
    const started = performance.now();
    const changed = await listChangedMethodPairs({
      git: repoGit,
      baseSha: await resolveCommit(repoGit, `${commit}^`),
      headSha: commit,
      parser,
      includePath: (path) => pairs.has(`${commit}:${path}`),
    });
    seconds += (performance.now() - started) / 1000;
    for (const { method: m } of changed) ours.push({ ...m, path: `${commit}:${m.path}` });
  }
  const line = (r: Row) =>
    `${r.path} ${r.className}#${r.name}(${r.parameterTypes?.join(",")}) ${r.startLine} ${r.change}`;
  const compared = (rows: Row[]) =>
    rows.filter((r) => !r.error && pairs.has(r.path) && !unparsable.has(r.path));
  const theirs = compared(javac).map(line);
  const mine = compared(ours).map(line);
  const onlyJavac = multisetMinus(theirs, mine);
  const onlyUs = multisetMinus(mine, theirs);
  const disagreeing = new Set([...onlyJavac, ...onlyUs].map((l) => l.split(" ")[0] ?? ""));
  const commitsDisagreeing = new Set([...disagreeing].map((p) => p.split(":")[0] ?? ""));
  const moves = multisetMinus(compared(orderOnly).map(line), theirs);
  const anonymousMoves = moves.filter((l) => l.includes("<anonymous>") || l.includes("<local:"));
  process.stdout.write(
    `${JSON.stringify(
      {
        repo,
        rev: values.rev,
        commits: commits.length,
        commitsAgreeing: commits.length - commitsDisagreeing.size,
        filePairs: pairs.size,
        filePairsJavacCannotParse: unparsable.size,
        filePairsAgreeing: pairs.size - unparsable.size - disagreeing.size,
        changedMethodsJavac: theirs.length,
        changedMethodsOurs: mine.length,
        anonymousOrLocalChangedJavac: theirs.filter((l) => l.includes("<anonymous>") || l.includes("<local:"))
          .length,
        onlyJavac,
        onlyUs,
        listedByOrderOnlyPairingNotByContract: moves.length,
        ofWhichAnonymousOrLocal: anonymousMoves.length,
        examplesOfMovesExcluded: anonymousMoves.slice(0, 5),
        oursSeconds: Number(seconds.toFixed(2)),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function multisetMinus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = counts.get(x) ?? 0;
    if (n === 0) return true;
    counts.set(x, n - 1);
    return false;
  });
}
