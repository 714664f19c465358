"""The token ids `java-judge train` would train on, without training: what the trainer reads for each line.

Reads the training lines train.py reads (JSONL {pieces, label_text, label}) and writes one JSON line per input line:
{"ids": context ids (BOS included), "correctId", "incorrectId", "segments": [[text, special], ...]} or {"error": ...}
for a line whose labels cannot be told apart; with --score N the first N lines also get the checkpoint's "score".
--jobs FILE.json runs several such jobs on one tokenizer load: a list of {"lines", "out", "correct"?, "incorrect"?,
"format"?, "system"?, "score"?}. The tests compare the rows with the judge's own tokens of the converted GGUF
(llama.cpp), line by line. One JSON summary on stdout (training/runtime.py).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from runtime import USAGE, emit, fail, run_step


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--base", required=True, type=Path, help="Hugging Face checkpoint (its tokenizer is used)")
    p.add_argument("--lines", type=Path, help="training lines (JSONL)")
    p.add_argument("--out", type=Path, help="one JSON line per input line")
    p.add_argument("--correct", default="1")
    p.add_argument("--incorrect", default="0")
    p.add_argument("--format", choices=("completion", "chat"), default="completion")
    p.add_argument("--system")
    p.add_argument("--bos", choices=("tokenizer", "never"), default="tokenizer")
    p.add_argument("--score", type=int, default=0, help="also score the first N lines with the checkpoint's weights")
    p.add_argument("--jobs", type=Path, help="a JSON list of jobs instead of --lines/--out/...")
    args = p.parse_args()
    started = time.monotonic()

    from train import load_tokenizer

    if args.jobs is not None:
        try:
            jobs = [job_args(args, job) for job in json.loads(args.jobs.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError, KeyError) as error:
            fail(f"--jobs {args.jobs}: {error}", USAGE)
    elif args.lines is not None and args.out is not None:
        jobs = [args]
    else:
        fail("give --lines and --out, or --jobs", USAGE)
    tokenizer = load_tokenizer(args.base)
    summaries = [run_job(tokenizer, job) for job in jobs]
    emit({"jobs": summaries, "tokenizer": type(tokenizer).__name__, "seconds": round(time.monotonic() - started, 3)})


def job_args(defaults: argparse.Namespace, job: dict) -> argparse.Namespace:
    out = argparse.Namespace(**vars(defaults))
    out.lines, out.out = Path(job["lines"]), Path(job["out"])
    for key in ("correct", "incorrect", "format", "system", "score"):
        if key in job:
            setattr(out, key, job[key])
    if out.format not in ("completion", "chat"):
        raise ValueError(f'format must be "completion" or "chat", got {out.format!r}')
    return out


def run_job(tokenizer, args: argparse.Namespace) -> dict:
    from judge_data import LabelTokensError, find_label_tokens
    from train import prompt_encoder, read_lines

    encoder = prompt_encoder(tokenizer, args)
    lines = read_lines(args.lines, args.correct, args.incorrect)
    if not lines:
        fail(f"{args.lines} holds no lines", USAGE)
    errors = 0
    rows: list[dict] = []
    for pieces, _label in lines:
        try:
            context, correct_id, incorrect_id = find_label_tokens(encoder.encode(pieces), args.correct, args.incorrect)
            row = {"ids": context, "correctId": correct_id, "incorrectId": incorrect_id}
        except LabelTokensError as error:
            errors += 1
            row = {"error": str(error)}
        row["segments"] = [[s.text, s.special] for s in encoder.segments(pieces)]
        rows.append(row)
    if args.score > 0:
        for row, score in zip(rows, score_rows(args.base, rows[: args.score])):
            row["score"] = score
    with open(args.out, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    return {
        "out": str(args.out),
        "lines": len(lines),
        "labelErrors": errors,
        "bos": encoder.bos_id,
        "format": args.format,
        "controlTokens": len(encoder.controls),
    }


def score_rows(base: Path, rows: list[dict]) -> list[float | None]:
    """The judge's score of each row with the checkpoint in float32: P(correct) / (P(correct) + P(incorrect))."""
    import torch
    from transformers import AutoModelForCausalLM

    from judge_data import label_scores

    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32).eval()
    scores: list[float | None] = []
    with torch.no_grad():
        for row in rows:
            if "ids" not in row:
                scores.append(None)
                continue
            logits = model(input_ids=torch.tensor([row["ids"]]), use_cache=False).logits[:, -1]
            score = label_scores(logits, torch.tensor([row["correctId"]]), torch.tensor([row["incorrectId"]]))
            scores.append(score.item())
    return scores


if __name__ == "__main__":
    run_step(main)
