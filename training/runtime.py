"""What every step of `java-judge train` shares: its output protocol, seeds, device, progress on stderr.

Protocol with the TypeScript side (src/training/run-python-step.ts): progress goes to stderr; stdout carries one
JSON object, the step's summary, or {"error": message} with exit code 2 (bad input) or 1 (a failure).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

# No network at run time: the base checkpoint is on disk, and nothing is fetched from the Hugging Face Hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# The steps draw their own progress bar; the libraries' bars (loading and writing shards) would only add noise.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

USAGE = 2
FAILURE = 1

# Files of a checkpoint that hold weights or the model's config; everything else (tokenizer files, chat templates)
# is copied verbatim beside merged weights, so the converter sees the base's own tokenizer.
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".h5", ".msgpack", ".gguf")
_MODEL_FILES = {"config.json", "generation_config.json", "model.safetensors.index.json", "pytorch_model.bin.index.json"}


class StepError(Exception):
    def __init__(self, message: str, code: int = FAILURE):
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = FAILURE) -> NoReturn:
    raise StepError(message, code)


def emit(summary: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(summary) + "\n")
    sys.stdout.flush()


def run_step(main) -> None:
    """Runs a step's main(); a StepError becomes the one-line error object, anything else a failure with its text."""
    try:
        main()
    except StepError as error:
        emit({"error": str(error)})
        sys.exit(error.code)
    except KeyboardInterrupt:
        emit({"error": "interrupted"})
        sys.exit(FAILURE)
    except Exception as error:  # noqa: BLE001 - the TypeScript side shows one line, stderr keeps the trace
        import traceback

        traceback.print_exc(file=sys.stderr)
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        emit({"error": f"{type(error).__name__}: {first}"})
        sys.exit(FAILURE)


def log(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def set_seed(seed: int) -> None:
    import numpy
    import torch

    random.seed(seed)
    numpy.random.seed(seed % 2**32)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def pick_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def copy_tokenizer_files(base: Path, out: Path) -> list[str]:
    """Copies the base's non-weight files (tokenizer, templates) into a saved checkpoint that lacks them."""
    copied = []
    for path in sorted(base.iterdir()):
        if not path.is_file() or path.name in _MODEL_FILES or path.name.endswith(_WEIGHT_SUFFIXES):
            continue
        if path.name.startswith("adapter_"):
            continue
        shutil.copyfile(path, out / path.name)
        copied.append(path.name)
    return copied


class Progress:
    """A progress bar with loss and ETA on stderr: redrawn in place on a terminal, a line every few seconds otherwise."""

    def __init__(self, total: int, label: str):
        self.total = max(total, 1)
        self.label = label
        self.done = 0
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.tty = os.environ.get("JUDGE_PROGRESS_TTY") == "1" or sys.stderr.isatty()

    def update(self, n: int, **values: float) -> None:
        self.done += n
        now = time.monotonic()
        final = self.done >= self.total
        if not final and now - self.last_draw < (0.2 if self.tty else 5.0):
            return
        self.last_draw = now
        elapsed = now - self.started
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0.0
        width = 24
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "." * (width - filled)
        extra = " ".join(f"{k} {v:.4f}" for k, v in values.items())
        line = f"{self.label} [{bar}] {self.done}/{self.total} {extra} ETA {format_seconds(eta)}"
        sys.stderr.write(("\r" + line + ("\n" if final else "")) if self.tty else line + "\n")
        sys.stderr.flush()


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
