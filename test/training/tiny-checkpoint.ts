// Builds (once, cached under the OS temp dir by the builder's content and parameters) a tiny Llama checkpoint with
// build-tiny-checkpoint.py, run by the training environment's python.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "../../src/training/run-process.js";

export interface TinyCheckpointParams {
  python: string;
  hidden?: number;
  layers?: number;
  heads?: number;
  intermediate?: number;
  seed?: number;
}

export interface TinyCheckpoint {
  dir: string;
  /** transformers' token ids of sample texts (build-tiny-checkpoint.py --check-out). */
  tokenCheck: { text: string; ids: number[] }[];
}

const BUILDER = join(import.meta.dirname, "build-tiny-checkpoint.py");
const JAVA_FIXTURES = join(import.meta.dirname, "../fixtures/java");
/** The marker of make-marker-dataset.ts, in the tokenizer's corpus so that it has tokens of its own. */
const EXTRA = "    return r; // BUG";

export async function buildTinyCheckpoint(params: TinyCheckpointParams): Promise<TinyCheckpoint> {
  const shape = {
    hidden: params.hidden ?? 64,
    layers: params.layers ?? 2,
    heads: params.heads ?? 4,
    intermediate: params.intermediate ?? 128,
    seed: params.seed ?? 1,
  };
  const corpus = (await readdir(JAVA_FIXTURES)).filter((f) => f.endsWith(".java")).sort();
  const key = createHash("sha256")
    .update(await readFile(BUILDER))
    .update(JSON.stringify({ shape, corpus, EXTRA }))
    .digest("hex")
    .slice(0, 16);
  const dir = join(tmpdir(), "java-judge-tiny-checkpoint", key);
  const check = join(dir, "..", `${key}.tokens.json`);
  if (!(await exists(check))) {
    // Built aside and renamed into place: parallel test files may build the same checkpoint.
    const partial = `${dir}.${process.pid}.part`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    const result = await runProcess({
      command: params.python,
      args: [
        BUILDER,
        ...["--out", partial, "--check-out", `${partial}.tokens.json`, "--extra", EXTRA],
        ...[
          "--hidden",
          String(shape.hidden),
          "--layers",
          String(shape.layers),
          "--heads",
          String(shape.heads),
        ],
        ...["--intermediate", String(shape.intermediate), "--seed", String(shape.seed)],
        ...["--corpus", ...corpus.map((f) => join(JAVA_FIXTURES, f))],
      ],
    });
    if (result.code !== 0) throw new Error(`build-tiny-checkpoint.py failed: ${result.stderr.slice(-2000)}`);
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir).catch(() => undefined);
    await rename(`${partial}.tokens.json`, check).catch(() => undefined);
    await rm(partial, { recursive: true, force: true });
    await rm(`${partial}.tokens.json`, { force: true });
  }
  return { dir, tokenCheck: JSON.parse(await readFile(check, "utf8")) };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
