"""Data to tensors for `java-judge train`: pure functions, no I/O, no global state (tested in tests/).

The label rule is the judge's own (src/judge/find-label-tokens.ts): a label is never tokenized alone. With
t1 = encode(prompt + correct) and t0 = encode(prompt + incorrect) (prompt_tokens.py: BOS, control tokens, chat) and
c their longest common prefix, the model reads t1[0..c) and the label is the token at c: t1[c] for a correct method, t0[c] for an incorrect one. Training
puts its loss on that one token at the last position; the judge's score is P(t1[c]) / (P(t1[c]) + P(t0[c])) there.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import torch

# The ids of a prompt followed by a label text (the label tokenized after the prompt, never alone).
Encode = Callable[[str], Sequence[int]]


class LabelTokensError(ValueError):
    """The two labels cannot be told apart by one token after this prompt."""


@dataclass(frozen=True)
class Example:
    """One prompt as the model reads it: the context tokens, then one of two label tokens."""

    ids: tuple[int, ...]
    correct_id: int
    incorrect_id: int
    label: int

    @property
    def target(self) -> int:
        return self.correct_id if self.label == 1 else self.incorrect_id


@dataclass(frozen=True)
class EncodedLines:
    examples: list[Example]
    # Lines whose context plus label exceeds max_tokens: left out and counted, never truncated.
    too_long: list[int]
    # Lines whose labels merge into the method's text (one token cannot tell them apart): left out, as the judge skips them.
    label_errors: list[int]


def find_label_tokens(encode: Encode, correct: str, incorrect: str) -> tuple[list[int], int, int]:
    """Context tokens and the first tokens where prompt + correct and prompt + incorrect differ.

    `encode(label_text)` gives the ids of the whole prompt followed by the label (prompt_tokens.PromptEncoder.encode).
    """
    t1 = list(encode(correct))
    t0 = list(encode(incorrect))
    c = 0
    while c < len(t1) and c < len(t0) and t1[c] == t0[c]:
        c += 1
    if c >= len(t1) or c >= len(t0):
        raise LabelTokensError(
            f'labels "{correct}" and "{incorrect}" have no token that tells them apart after the prompt; '
            "choose labels whose first tokens differ (the template in models/models.json)"
        )
    if c == 0:
        raise LabelTokensError(
            f'the labels "{correct}" and "{incorrect}" differ in the first token of the prompt: '
            "no context is left to read them after"
        )
    return t1[:c], t1[c], t0[c]


def encode_line(encode: Encode, label: int, correct: str, incorrect: str) -> Example:
    """One prompt (as its encode function, BOS already in it where the tokenizer adds one) and its label."""
    if label not in (0, 1):
        raise ValueError(f"label must be 0 or 1, got {label!r}")
    context, correct_id, incorrect_id = find_label_tokens(encode, correct, incorrect)
    return Example(tuple(context), correct_id, incorrect_id, label)


def encode_lines(
    lines: Iterable[tuple[Encode, int]],
    correct: str,
    incorrect: str,
    max_tokens: int,
) -> EncodedLines:
    """(encode, label) pairs to Examples; an example longer than max_tokens (context + label) is left out and counted."""
    examples: list[Example] = []
    too_long: list[int] = []
    label_errors: list[int] = []
    for index, (encode, label) in enumerate(lines):
        try:
            example = encode_line(encode, label, correct, incorrect)
        except LabelTokensError:
            label_errors.append(index)
            continue
        if len(example.ids) + 1 > max_tokens:
            too_long.append(index)
            continue
        examples.append(example)
    return EncodedLines(examples, too_long, label_errors)


def class_weights(labels: Iterable[int]) -> dict[int, float]:
    """Weights that give each present class the same total weight (n / (classes * n_class))."""
    counts = Counter(labels)
    total = sum(counts.values())
    return {label: total / (len(counts) * n) for label, n in counts.items()}


def epoch_batches(n: int, batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Indices of each batch of one epoch: a shuffle fixed by seed and epoch."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    order = list(range(n))
    random.Random(seed * 1_000_003 + epoch).shuffle(order)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


def collate(examples: Sequence[Example], pad_id: int, weights: dict[int, float]) -> dict[str, torch.Tensor]:
    """A right-padded batch; `last` is the position whose next-token logits hold the label."""
    width = max(len(e.ids) for e in examples)
    input_ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, e in enumerate(examples):
        input_ids[row, : len(e.ids)] = torch.tensor(e.ids, dtype=torch.long)
        attention_mask[row, : len(e.ids)] = 1
    return {
        "input_ids": input_ids,
        "attention_mask": attention_mask,
        "last": torch.tensor([len(e.ids) - 1 for e in examples], dtype=torch.long),
        "target": torch.tensor([e.target for e in examples], dtype=torch.long),
        "correct_id": torch.tensor([e.correct_id for e in examples], dtype=torch.long),
        "incorrect_id": torch.tensor([e.incorrect_id for e in examples], dtype=torch.long),
        "label": torch.tensor([e.label for e in examples], dtype=torch.long),
        "weight": torch.tensor([weights.get(e.label, 1.0) for e in examples], dtype=torch.float32),
    }


def last_logits(logits: torch.Tensor, last: torch.Tensor) -> torch.Tensor:
    """[batch, seq, vocab] -> [batch, vocab] at each row's last real position."""
    return logits[torch.arange(logits.shape[0], device=logits.device), last]


def label_loss(logits: torch.Tensor, target: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """Weighted mean cross-entropy of the label token over the whole vocabulary (the loss of supervised fine-tuning)."""
    per_example = torch.nn.functional.cross_entropy(logits.float(), target, reduction="none")
    return (per_example * weight).sum() / weight.sum()


def label_scores(logits: torch.Tensor, correct_id: torch.Tensor, incorrect_id: torch.Tensor) -> torch.Tensor:
    """The judge's score, P(correct) / (P(correct) + P(incorrect)), from [batch, vocab] logits."""
    rows = torch.arange(logits.shape[0], device=logits.device)
    diff = logits[rows, correct_id].float() - logits[rows, incorrect_id].float()
    return torch.sigmoid(diff)
