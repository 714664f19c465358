"""Merges a LoRA adapter into its base and saves a plain Hugging Face checkpoint (weights, config, the base's tokenizer
files) for llama.cpp's converter. One JSON summary on stdout (training/runtime.py)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from runtime import USAGE, copy_tokenizer_files, emit, fail, log, run_step


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--base", required=True, type=Path, help="the checkpoint the adapter was trained on")
    p.add_argument("--adapter", required=True, type=Path, help="the adapter directory (train.py --out)")
    p.add_argument("--out", required=True, type=Path, help="where the merged checkpoint goes")
    args = p.parse_args()
    started = time.monotonic()

    if not (args.adapter / "adapter_config.json").is_file():
        fail(f"{args.adapter} holds no LoRA adapter (no adapter_config.json)", USAGE)

    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    log(f"merging the adapter into {args.base}")
    # Merged in float32 so the adapter's small deltas are not rounded away before the converter picks --outtype.
    base = AutoModelForCausalLM.from_pretrained(args.base, dtype=torch.float32)
    merged = PeftModel.from_pretrained(base, args.adapter).merge_and_unload()
    args.out.mkdir(parents=True, exist_ok=True)
    merged.save_pretrained(args.out)
    copied = copy_tokenizer_files(args.base, args.out)
    emit({"out": str(args.out), "copied": copied, "seconds": round(time.monotonic() - started, 3)})


if __name__ == "__main__":
    run_step(main)
