"""Converts a Hugging Face checkpoint to GGUF with llama.cpp's own converter (the copy node-llama-cpp ships, so the
file matches the runtime that loads it). The converter runs as a program, never imported: it is llama.cpp's code,
with its own arguments and logging. One JSON summary on stdout (training/runtime.py)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from runtime import USAGE, emit, fail, log, run_step


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--llama-cpp", required=True, type=Path, help="llama.cpp source tree with convert_hf_to_gguf.py")
    p.add_argument("--model", required=True, type=Path, help="Hugging Face checkpoint directory")
    p.add_argument("--outfile", required=True, type=Path)
    p.add_argument("--outtype", default="q8_0", choices=("q8_0", "f16", "bf16", "f32"))
    args = p.parse_args()
    started = time.monotonic()
    script = args.llama_cpp / "convert_hf_to_gguf.py"
    if not script.is_file():
        fail(f"{script} is missing: the llama.cpp copy is incomplete", USAGE)
    args.outfile.parent.mkdir(parents=True, exist_ok=True)
    partial = args.outfile.with_name(args.outfile.name + ".part")
    command = [sys.executable, str(script), str(args.model), "--outfile", str(partial), "--outtype", args.outtype]
    log(f"converting to GGUF ({args.outtype}) with {script}")
    # NO_LOCAL_GGUF unset: the converter puts its own gguf-py first on sys.path, the version it was written against.
    env = {k: v for k, v in os.environ.items() if k != "NO_LOCAL_GGUF"}
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout)
        partial.unlink(missing_ok=True)
        fail(f"llama.cpp's converter failed (exit {result.returncode}): {last_error(result.stdout)}")
    partial.replace(args.outfile)
    emit(
        {
            "outfile": str(args.outfile),
            "outtype": args.outtype,
            "bytes": args.outfile.stat().st_size,
            "seconds": round(time.monotonic() - started, 3),
        }
    )


def last_error(output: str) -> str:
    """The converter's own message: the last line that is not a log line or a traceback frame."""
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    for line in reversed(lines):
        if not line.startswith(("INFO:", "DEBUG:", "File ", "Traceback", "^", "~")):
            return line[:500]
    return "no output"


if __name__ == "__main__":
    run_step(main)
