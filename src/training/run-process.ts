import { spawn } from "node:child_process";

const STDERR_KEPT = 64 * 1024;

export interface ProcessResult {
  code: number | null;
  stdout: string;
  /** The last 64 KiB of stderr. */
  stderr: string;
}

export interface RunProcessParams {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Receives stderr as it arrives (progress bars); it is kept in `stderr` as well. */
  onStderr?: (chunk: string) => void;
}

/** Runs a program to its end; a program that cannot start (ENOENT) rejects with the spawn error. */
export function runProcess(params: RunProcessParams): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(params.command, params.args, {
      env: params.env ?? process.env,
      ...(params.cwd === undefined ? {} : { cwd: params.cwd }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      // Only the tail is kept: a long training run writes a progress line every few seconds.
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
      params.onStderr?.(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}
