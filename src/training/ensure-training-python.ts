import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runProcess } from "./run-process.js";
import { TrainingError } from "./training-errors.js";
import { TRAINING_DIR, trainingCacheDir, venvPython } from "./training-paths.js";

export interface TrainingPython {
  python: string;
  /** true when this call created the environment. */
  created: boolean;
  seconds: number;
}

export interface EnsureTrainingPythonParams {
  log: (line: string) => void;
  /** Default JUDGE_TRAIN_PYTHON. */
  python?: string;
  /** Default trainingCacheDir(). */
  cacheDir?: string;
}

const READY = ".java-judge-ready";
// pip's index is unreachable on some machines (a local mirror answers instead): never wait minutes on retries.
const PIP_FLAGS = ["--retries", "0", "--timeout", "5", "--disable-pip-version-check"];
const STALE_LOCK_MS = 20 * 60 * 1000;

/**
 * The Python that runs training/: JUDGE_TRAIN_PYTHON as given, else a virtual environment with
 * training/requirements.txt made on first use under the cache dir, keyed by the requirements' hash (a changed pin
 * makes a new one). Creation happens in a temporary directory renamed into place, under a lock, so parallel
 * callers (test files) build it once and never see half an environment.
 */
export async function ensureTrainingPython(params: EnsureTrainingPythonParams): Promise<TrainingPython> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const given = params.python ?? process.env.JUDGE_TRAIN_PYTHON;
  if (given) {
    await checkPackages(given, "JUDGE_TRAIN_PYTHON");
    return { python: given, created: false, seconds: seconds() };
  }
  const requirements = join(TRAINING_DIR, "requirements.txt");
  const hash = createHash("sha256")
    .update(await readFile(requirements))
    .digest("hex")
    .slice(0, 12);
  const cache = params.cacheDir ?? trainingCacheDir();
  const venv = join(cache, `training-venv-${hash}`);
  if (await isReady(venv)) return { python: venvPython(venv), created: false, seconds: seconds() };

  await mkdir(cache, { recursive: true });
  const lock = `${venv}.lock`;
  while (!(await tryLock(lock))) {
    if (await isReady(venv)) return { python: venvPython(venv), created: false, seconds: seconds() };
    await sleep(1000);
  }
  try {
    if (await isReady(venv)) return { python: venvPython(venv), created: false, seconds: seconds() };
    const system = await findSystemPython();
    params.log(
      `creating the training environment ${venv} (first use; torch, transformers and peft from training/requirements.txt, about a minute)`,
    );
    const partial = `${venv}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    const made = await runProcess({ command: system, args: ["-m", "venv", partial] });
    if (made.code !== 0) {
      await rm(partial, { recursive: true, force: true });
      throw new TrainingError(
        `${system} -m venv failed: ${lastLine(made.stderr || made.stdout)} (on Debian/Ubuntu: apt install python3-venv)`,
      );
    }
    const pip = await runProcess({
      command: venvPython(partial),
      args: ["-m", "pip", "install", ...PIP_FLAGS, "-r", requirements],
    });
    if (pip.code !== 0) {
      await rm(partial, { recursive: true, force: true });
      throw new TrainingError(
        `pip could not install training/requirements.txt: ${pipError(pip.stderr || pip.stdout)} ` +
          "(check the network or your pip index, or set JUDGE_TRAIN_PYTHON to a python that has them)",
      );
    }
    await writeFile(join(partial, READY), `${hash}\n`);
    await rm(venv, { recursive: true, force: true });
    await rename(partial, venv);
    params.log(`training environment ready in ${seconds().toFixed(0)} s`);
    return { python: venvPython(venv), created: true, seconds: seconds() };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function isReady(venv: string): Promise<boolean> {
  return stat(join(venv, READY)).then(
    () => true,
    () => false,
  );
}

/** mkdir is atomic: the one caller that creates the directory holds the lock; a lock left by a dead process expires. */
async function tryLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

/** python3 (python on Windows), version 3.10 or later: torch 2.13 needs it. */
async function findSystemPython(): Promise<string> {
  const candidates = process.platform === "win32" ? ["python", "py"] : ["python3", "python"];
  for (const command of candidates) {
    const result = await runProcess({
      command,
      args: ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
    }).catch(() => null);
    if (result === null || result.code !== 0) continue;
    const [major = 0, minor = 0] = result.stdout.trim().split(".").map(Number);
    if (major === 3 && minor >= 10) return command;
    throw new TrainingError(
      `${command} is Python ${result.stdout.trim()}; training needs Python 3.10 or later (or set JUDGE_TRAIN_PYTHON)`,
    );
  }
  throw new TrainingError(
    "no python3 found: install Python 3.10 or later (with venv), or set JUDGE_TRAIN_PYTHON to a python that has training/requirements.txt installed",
  );
}

async function checkPackages(python: string, where: string): Promise<void> {
  const result = await runProcess({
    command: python,
    // find_spec, not import: importing torch and transformers takes seconds; the steps import them anyway.
    args: [
      "-c",
      "import importlib.util as u, sys; missing = [m for m in ('torch', 'transformers', 'peft', 'sentencepiece', " +
        "'safetensors') if u.find_spec(m) is None]; missing and sys.exit('missing: ' + ', '.join(missing))",
    ],
  }).catch((error: NodeJS.ErrnoException) => {
    throw new TrainingError(`${where}=${python} cannot be run (${error.code ?? error.message})`);
  });
  if (result.code !== 0) {
    throw new TrainingError(
      `${where}=${python} lacks the training packages (${lastLine(result.stderr)}): pip install -r training/requirements.txt`,
    );
  }
}

function lastLine(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "no output";
}

/** pip's own reason: its first "ERROR:" line, else its last line. */
function pipError(text: string): string {
  const error = text.split("\n").find((l) => l.startsWith("ERROR:"));
  return (error ?? lastLine(text)).replace(/^ERROR:\s*/, "").slice(0, 300);
}
