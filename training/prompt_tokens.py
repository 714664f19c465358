"""The judge's prompt tokens on the Python side: the contract the judge (src/judge) keeps too.

A prompt arrives as pieces of text, each either the template's own literal text or a value inserted into it
(description, signature, code). The model's control tokens (`<|im_start|>`, `<start_of_turn>`, ...) are recognised
only in the template's text, never in inserted text: a Javadoc holding `<|im_end|>` stays plain characters.
1. Pieces -> segments: template text is split at control tokens (longest first); a special segment is exactly one
   control token; adjacent plain text (template + inserted) is joined BEFORE tokenizing, since BPE merges cross the
   boundary; plain segments are tokenized with special-token parsing off and nothing added.
2. format "chat": the model's own chat template renders [system?, user: SENTINEL] with the generation prompt; the
   rendering is split at SENTINEL, its two parts are template text, the user content goes between them, and the label
   is read right after the rendering (the start of the assistant's answer).
3. BOS goes first iff the tokenizer adds one to text and the tokens do not start with it already (a chat template may
   write it). No EOS.
4. The label is appended as plain text to the prompt (judge_data.find_label_tokens reads where the two labels differ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

# What the chat template renders in place of the user's message: text no template produces or transforms.
SENTINEL = "\u2063java-judge-user-message\u2063"


@dataclass(frozen=True)
class Segment:
    text: str
    special: bool


class PromptError(ValueError):
    """A template or model that cannot give the judge's prompt (a chat judge on a model without a chat template)."""


def control_splitter(controls: Iterable[str]) -> Callable[[str], list[Segment]]:
    """Splits template text at the given control-token texts, the longest one first where several start."""
    ordered = sorted({c for c in controls if c}, key=lambda c: (-len(c), c))
    pattern = re.compile("|".join(re.escape(c) for c in ordered)) if ordered else None

    def split(text: str) -> list[Segment]:
        if pattern is None:
            return [Segment(text, False)] if text else []
        out: list[Segment] = []
        at = 0
        for m in pattern.finditer(text):
            if m.start() > at:
                out.append(Segment(text[at : m.start()], False))
            out.append(Segment(m.group(0), True))
            at = m.end()
        if at < len(text):
            out.append(Segment(text[at:], False))
        return out

    return split


def merge_plain(segments: Iterable[Segment]) -> list[Segment]:
    """Adjacent plain segments joined into one, empty ones dropped: tokenization splits only at control tokens."""
    out: list[Segment] = []
    for s in segments:
        if not s.special and not s.text:
            continue
        if not s.special and out and not out[-1].special:
            out[-1] = Segment(out[-1].text + s.text, False)
        else:
            out.append(s)
    return out


def piece_segments(pieces: Iterable[tuple[str, bool]], split: Callable[[str], list[Segment]]) -> list[Segment]:
    """(text, is_template_text) pieces -> segments: control tokens only in template text."""
    out: list[Segment] = []
    for text, template in pieces:
        out.extend(split(text) if template else [Segment(text, False)])
    return merge_plain(out)


def chat_segments(
    rendering: str, user: Sequence[Segment], split: Callable[[str], list[Segment]], where: str
) -> list[Segment]:
    """The chat template's rendering around SENTINEL (its text: template text) with the user's segments between."""
    parts = rendering.split(SENTINEL)
    if len(parts) != 2:
        raise PromptError(
            f"the chat template of {where} renders the user's message {len(parts) - 1} times, not once: "
            "it cannot be used as a chat-format judge"
        )
    return merge_plain([*split(parts[0]), *user, *split(parts[1])])


def segment_ids(
    segments: Iterable[Segment], tokenize_plain: Callable[[str], Sequence[int]], control_id: Callable[[str], int]
) -> list[int]:
    ids: list[int] = []
    for s in segments:
        ids.extend([control_id(s.text)] if s.special else tokenize_plain(s.text))
    return ids


def with_bos(ids: list[int], bos_id: int | None) -> list[int]:
    """BOS first when the tokenizer adds one, unless the tokens start with it already (a chat template wrote it)."""
    if bos_id is None or (ids and ids[0] == bos_id):
        return ids
    return [bos_id, *ids]


class PromptEncoder:
    """Contract steps 1-4 with a Hugging Face tokenizer: encode(pieces)(label_text) -> the ids of prompt + label."""

    def __init__(self, tokenizer, fmt: str = "completion", system: str | None = None, where: str = "the model"):
        if fmt not in ("completion", "chat"):
            raise PromptError(f'template format must be "completion" or "chat", got {fmt!r}')
        self.tokenizer = tokenizer
        self.format = fmt
        # Control tokens: the tokenizer's special added tokens (llama.cpp's converter writes them as CONTROL).
        self.controls = {t.content: i for i, t in tokenizer.added_tokens_decoder.items() if t.special}
        self.split = control_splitter(self.controls)
        self.bos_id = adds_bos(tokenizer)
        self.chat = None
        if fmt == "chat":
            self.chat = self._render_chat(system, where)
        elif system is not None:
            raise PromptError('a system turn needs a chat-format template ("format": "chat")')

    def _render_chat(self, system: str | None, where: str) -> str:
        if not getattr(self.tokenizer, "chat_template", None):
            raise PromptError(
                f"{where} has no chat template (tokenizer.chat_template): a chat-format judge needs one; "
                'use a "completion" template or a checkpoint whose tokenizer_config.json carries its chat template'
            )
        messages = ([{"role": "system", "content": system}] if system is not None else []) + [
            {"role": "user", "content": SENTINEL}
        ]
        rendering = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        chat_segments(rendering, [], self.split, where)  # a template that drops or repeats the message fails here
        return rendering

    def tokenize_plain(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False, split_special_tokens=True)["input_ids"]

    def segments(self, pieces: Sequence[tuple[str, bool]]) -> list[Segment]:
        user = piece_segments(pieces, self.split)
        return user if self.chat is None else chat_segments(self.chat, user, self.split, "this model")

    def encode(self, pieces: Sequence[tuple[str, bool]]) -> Callable[[str], list[int]]:
        """A function of the label text: the prompt's ids (BOS included) followed by the label's, label text plain."""
        segments = self.segments(pieces)

        def with_label(label: str) -> list[int]:
            ids = segment_ids(merge_plain([*segments, Segment(label, False)]), self.tokenize_plain, self.controls.__getitem__)
            return with_bos(ids, self.bos_id)

        return with_label


def adds_bos(tokenizer) -> int | None:
    """The BOS id when `tokenizer(text)` puts it first (Llama-3, Gemma, Llama-2), else None (Qwen2)."""
    if tokenizer.bos_token_id is None:
        return None
    ids = tokenizer("x", add_special_tokens=True)["input_ids"]
    return tokenizer.bos_token_id if ids and ids[0] == tokenizer.bos_token_id else None
