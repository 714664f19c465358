"""Fine-tunes a causal LM as the judge: the loss is on the label token that follows the judge's prompt.

Input: JSON lines {"pieces": [{"text", "template"}], "label_text", "label"} rendered by the TypeScript side with the
judge's own template: "template" marks the template's literal text, where the model's control tokens are recognised
(never in inserted text). A line {"prompt": TEXT} is one inserted piece. With --format chat the checkpoint's own chat
template wraps the prompt as the user's turn; BOS goes first as the tokenizer puts it (prompt_tokens.py, the judge's
contract), so the loss is on the token the judge reads. Output: a LoRA adapter (default) or full weights in --out, from the epoch with
the lowest validation loss; one JSON summary on stdout (training/runtime.py).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

from runtime import USAGE, Progress, copy_tokenizer_files, emit, fail, log, pick_device, run_step, set_seed

# The attention and MLP projections of Llama, Qwen2, Mistral, Gemma and most decoder-only models (Qwen's LoRA recipe).
LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--base", required=True, type=Path, help="Hugging Face checkpoint directory")
    p.add_argument("--train", required=True, type=Path, help="training lines (JSONL)")
    p.add_argument("--valid", type=Path, help="validation lines (JSONL); the best epoch is chosen on them")
    p.add_argument("--out", required=True, type=Path, help="where the adapter (or, with --full, the model) goes")
    p.add_argument("--correct", default="1", help="the template's label of a correct method")
    p.add_argument("--incorrect", default="0", help="the template's label of an incorrect method")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=None, help="default 2e-4 with LoRA, 2e-5 with --full")
    p.add_argument("--lora-rank", type=int, default=8)
    p.add_argument("--lora-alpha", type=float, default=32)
    p.add_argument("--lora-dropout", type=float, default=0.1)
    p.add_argument("--full", action="store_true", help="fine-tune every weight instead of a LoRA adapter")
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--max-tokens", type=int, default=2048, help="longer examples are left out and counted")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=("completion", "chat"), default="completion", help="the template's format")
    p.add_argument("--system", help="chat only: the template's system turn")
    p.add_argument(
        "--bos",
        choices=("tokenizer", "never"),
        default="tokenizer",
        help="tokenizer (default, as the judge reads prompts): BOS first when the tokenizer adds one; never: no BOS, "
        "for a judge read by a java-judge older than its BOS support",
    )
    return p.parse_args()


def read_lines(path: Path, correct: str, incorrect: str) -> list[tuple[list[tuple[str, bool]], int]]:
    """(pieces, label) of each line: pieces are (text, is_template_text)."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            o = json.loads(raw)
            label = o.get("label")
            expected = correct if label == 1 else incorrect
            pieces = line_pieces(o)
            if label not in (0, 1) or pieces is None or o.get("label_text") != expected:
                fail(f"{path} line {number}: expected {{pieces, label_text, label}} with label_text {expected!r}", USAGE)
            lines.append((pieces, label))
    return lines


def line_pieces(o: dict) -> list[tuple[str, bool]] | None:
    if isinstance(o.get("prompt"), str):
        return [(o["prompt"], False)]
    pieces = o.get("pieces")
    if not isinstance(pieces, list) or not pieces:
        return None
    if not all(isinstance(p, dict) and isinstance(p.get("text"), str) and isinstance(p.get("template"), bool) for p in pieces):
        return None
    return [(p["text"], p["template"]) for p in pieces]


def load_tokenizer(base: Path):
    from transformers import AutoConfig, AutoTokenizer

    if not (base / "config.json").is_file():
        fail(f"--base {base} is not a Hugging Face checkpoint: it has no config.json", USAGE)
    try:
        AutoConfig.from_pretrained(base)
    except Exception as error:  # noqa: BLE001
        fail(f"--base {base}: transformers cannot read its config.json ({first_line(error)})", USAGE)
    try:
        tokenizer = AutoTokenizer.from_pretrained(base)
    except Exception as error:  # noqa: BLE001
        fail(f"--base {base} has no tokenizer transformers can load ({first_line(error)})", USAGE)
    if not tokenizer("class A {}\n", add_special_tokens=False)["input_ids"]:
        fail(f"--base {base}: its tokenizer encodes text to no tokens (a broken tokenizer.json?)", USAGE)
    return tokenizer


def prompt_encoder(tokenizer, args: argparse.Namespace):
    from prompt_tokens import PromptEncoder, PromptError

    try:
        encoder = PromptEncoder(tokenizer, args.format, args.system, where=f"--base {args.base}")
    except PromptError as error:
        fail(str(error), USAGE)
    if args.bos == "never":
        encoder.bos_id = None
    return encoder


def load_model(base: Path, args: argparse.Namespace):
    import torch
    from transformers import AutoModelForCausalLM

    try:
        # float32 master weights; on a GPU the forward pass runs under bf16 autocast.
        model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    except Exception as error:  # noqa: BLE001
        fail(f"--base {base}: cannot load its weights as a causal language model ({first_line(error)})", USAGE)
    if args.full:
        return model, "full", None
    from peft import LoraConfig, get_peft_model

    linear = {name.rsplit(".", 1)[-1] for name, m in model.named_modules() if isinstance(m, torch.nn.Linear)}
    targets = [t for t in LORA_TARGETS if t in linear] or "all-linear"
    config = LoraConfig(
        r=args.lora_rank,
        lora_alpha=args.lora_alpha,
        lora_dropout=args.lora_dropout,
        target_modules=targets,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, config), "lora", targets


def cpu_threads(parameters: int) -> int:
    """JUDGE_TRAIN_THREADS, else 1 thread for tiny models, else torch's default (the physical cores).

    Measured on 2 busy shared cores: a 160k-parameter model took 0.12 s per step on 1 thread and 0.72 s on 2; torch's
    threads wait on each other when the matrices are small and the cores are taken.
    """
    import torch

    env = os.environ.get("JUDGE_TRAIN_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return 1 if parameters < 20_000_000 else torch.get_num_threads()


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def main() -> None:
    args = parse_args()
    if args.epochs < 1 or args.batch_size < 1 or args.max_tokens < 2 or args.lora_rank < 1:
        fail("--epochs, --batch-size and --lora-rank must be at least 1, --max-tokens at least 2", USAGE)
    started = time.monotonic()
    set_seed(args.seed)

    import torch

    from judge_data import class_weights, encode_lines

    tokenizer = load_tokenizer(args.base)
    encoder = prompt_encoder(tokenizer, args)
    bos_id = encoder.bos_id

    def encode(path: Path | None):
        if path is None:
            return None
        lines = read_lines(path, args.correct, args.incorrect)
        return encode_lines(((encoder.encode(p), label) for p, label in lines), args.correct, args.incorrect, args.max_tokens)

    train = encode(args.train)
    valid = encode(args.valid)
    if not train.examples:
        if train.label_errors:
            fail(
                f'the labels "{args.correct}" and "{args.incorrect}" have no token that tells them apart after the '
                "prompt: choose labels whose first tokens differ (the template in models/models.json)",
                USAGE,
            )
        fail(f"every training example is longer than --max-tokens {args.max_tokens}: raise it", USAGE)
    for name, split in (("train", train), ("valid", valid)):
        if split is not None and split.too_long:
            log(f"left out {len(split.too_long)} {name} examples longer than --max-tokens {args.max_tokens}")

    device = pick_device()
    model, mode, targets = load_model(args.base, args)
    if device == "cpu":
        torch.set_num_threads(cpu_threads(sum(p.numel() for p in model.parameters())))
    model.to(device)
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (tokenizer.eos_token_id or 0)
    trainable = [p for p in model.parameters() if p.requires_grad]
    lr = args.lr if args.lr is not None else (2e-5 if args.full else 2e-4)
    optimizer = torch.optim.AdamW(trainable, lr=lr, weight_decay=0.0)
    steps_per_epoch = math.ceil(len(train.examples) / args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    warmup = max(1, total_steps // 20)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total_steps - s) / (total_steps - warmup + 1))
    )
    weights = class_weights(e.label for e in train.examples)
    layers = "" if targets is None else " of " + (",".join(targets) if isinstance(targets, list) else targets)
    log(
        f"training ({mode}{layers}) on {device}: {len(train.examples)} examples, {args.epochs} epochs, "
        f"batch {args.batch_size}, lr {lr:g}"
    )

    history = []
    best = None
    train_seconds = 0.0
    train_tokens = 0
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for epoch in range(1, args.epochs + 1):
            epoch_started = time.monotonic()
            loss, tokens = run_epoch(model, train.examples, args, epoch, pad_id, weights, optimizer, scheduler, device)
            train_seconds += time.monotonic() - epoch_started
            train_tokens += tokens
            row = {"epoch": epoch, "trainLoss": loss}
            if valid is not None and valid.examples:
                row.update(evaluate(model, valid.examples, args.batch_size, pad_id, device))
            row["seconds"] = round(time.monotonic() - epoch_started, 3)
            history.append(row)
            log(
                f"epoch {epoch}/{args.epochs}: train loss {loss:.4f}"
                + (f", valid loss {row['validLoss']:.4f}, accuracy {row['validAccuracy']:.3f}" if "validLoss" in row else "")
            )
            key = row.get("validLoss", -epoch)
            if best is None or key < best[0]:
                best = (key, epoch)
                model.save_pretrained(args.out)
    except torch.OutOfMemoryError:
        fail(
            f"CUDA out of memory while training (batch {args.batch_size}, --max-tokens {args.max_tokens}"
            f"{', --full' if args.full else ''}): lower --batch-size or --max-tokens"
            + (", or train a LoRA adapter instead of --full" if args.full else "")
        )
    if mode == "full":
        copy_tokenizer_files(args.base, args.out)

    first = train.examples[0]
    emit(
        {
            "mode": mode,
            "device": device,
            "out": str(args.out),
            "loraTargets": targets,
            "lr": lr,
            "bos": bos_id,
            "format": args.format,
            "examples": {"train": len(train.examples), "valid": 0 if valid is None else len(valid.examples)},
            "skipped": {
                "tooLong": {"train": len(train.too_long), "valid": 0 if valid is None else len(valid.too_long)},
                "labelMerged": {"train": len(train.label_errors), "valid": 0 if valid is None else len(valid.label_errors)},
            },
            "labels": {"train": label_counts(train.examples), "valid": None if valid is None else label_counts(valid.examples)},
            "parameters": sum(p.numel() for p in model.parameters()),
            "trainableParameters": sum(p.numel() for p in trainable),
            "epochs": history,
            "bestEpoch": best[1] if best else None,
            "trainSeconds": round(train_seconds, 3),
            "trainTokens": train_tokens,
            "tokensPerSecond": round(train_tokens / train_seconds, 1) if train_seconds > 0 else None,
            "examplesPerSecond": round(len(train.examples) * args.epochs / train_seconds, 2) if train_seconds > 0 else None,
            "firstExample": {"ids": list(first.ids), "correctId": first.correct_id, "incorrectId": first.incorrect_id},
            "peakRssMB": peak_rss_mb(),
            "peakGpuMB": round(torch.cuda.max_memory_allocated() / 2**20, 1) if device == "cuda" else None,
            "seconds": round(time.monotonic() - started, 3),
        }
    )


def peak_rss_mb() -> float | None:
    """This process's peak resident memory (MB): weights, optimizer state and activations on the CPU."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)  # bytes on macOS, KiB on Linux


def label_counts(examples) -> dict[str, int]:
    return {"1": sum(e.label == 1 for e in examples), "0": sum(e.label == 0 for e in examples)}


def forward_last(model, batch, device):
    """Logits at each row's last position only: the full [batch, seq, vocab] tensor would not fit for large vocabularies."""
    import torch

    from judge_data import last_logits

    input_ids = batch["input_ids"].to(device)
    attention_mask = batch["attention_mask"].to(device)
    last = batch["last"].to(device)
    keep, where = torch.unique(last, return_inverse=True)
    with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
        try:
            out = model(input_ids=input_ids, attention_mask=attention_mask, logits_to_keep=keep, use_cache=False)
            return out.logits[torch.arange(len(last), device=device), where]
        except TypeError:  # a model without logits_to_keep
            out = model(input_ids=input_ids, attention_mask=attention_mask, use_cache=False)
            return last_logits(out.logits, last)


def run_epoch(model, examples, args, epoch, pad_id, weights, optimizer, scheduler, device) -> tuple[float, int]:
    import torch

    from judge_data import collate, epoch_batches, label_loss

    model.train()
    batches = epoch_batches(len(examples), args.batch_size, args.seed, epoch)
    progress = Progress(len(examples), f"epoch {epoch}/{args.epochs}")
    total, weight_sum, tokens = 0.0, 0.0, 0
    for indices in batches:
        picked = [examples[i] for i in indices]
        batch = collate(picked, pad_id, weights)
        logits = forward_last(model, batch, device)
        weight = batch["weight"].to(device)
        loss = label_loss(logits, batch["target"].to(device), weight)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
        optimizer.step()
        scheduler.step()
        total += loss.item() * weight.sum().item()
        weight_sum += weight.sum().item()
        tokens += sum(len(e.ids) for e in picked)
        progress.update(len(picked), loss=total / weight_sum)
    return total / weight_sum, tokens


def evaluate(model, examples, batch_size, pad_id, device) -> dict[str, float]:
    import torch

    from judge_data import class_weights, collate, label_loss, label_scores

    model.eval()
    weights = class_weights(e.label for e in examples)
    total, weight_sum, right = 0.0, 0.0, 0
    with torch.no_grad():
        for start in range(0, len(examples), batch_size):
            batch = collate(examples[start : start + batch_size], pad_id, weights)
            logits = forward_last(model, batch, device)
            weight = batch["weight"].to(device)
            total += label_loss(logits, batch["target"].to(device), weight).item() * weight.sum().item()
            weight_sum += weight.sum().item()
            scores = label_scores(logits, batch["correct_id"].to(device), batch["incorrect_id"].to(device))
            right += ((scores >= 0.5).long().cpu() == batch["label"]).sum().item()
    return {"validLoss": total / weight_sum, "validAccuracy": right / len(examples)}


if __name__ == "__main__":
    run_step(main)
