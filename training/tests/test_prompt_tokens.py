"""Tests of the prompt-token contract on the Python side (prompt_tokens.py) with real `tokenizers` tokenizers."""

from __future__ import annotations

import unittest

from judge_data import find_label_tokens
from prompt_tokens import (
    SENTINEL,
    PromptEncoder,
    PromptError,
    Segment,
    chat_segments,
    control_splitter,
    merge_plain,
    piece_segments,
    with_bos,
)

CHATML = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful assistant<|im_end|>\\n' }}{% endif %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
# Llama-3's shape: the template writes BOS itself, and trims the message.
LLAMA3 = (
    "{{ bos_token }}{% for message in messages %}<|start_header_id|>{{ message['role'] }}<|end_header_id|>\n\n"
    "{{ message['content'] | trim }}<|eot_id|>{% endfor %}"
    "{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}"
)
CORPUS = [
    "class A { int f(int x) { return x + 1; } }",
    "/** Returns the sum. */ public int sum(int a, int b) { return a + b; }",
    "### Description\n### Signature\n### Candidate\n### Rating (1 = correct, 0 = incorrect)\n1\n0\nYes\nNo",
    "system user assistant You are a helpful assistant",
] * 20


def byte_bpe(specials: list[str], bos: str | None, chat_template: str | None):
    """A byte-level BPE tokenizer trained here (GPT-2/Qwen2/Llama-3 style) with control tokens, as transformers loads it."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False
    )
    tok.train_from_iterator(CORPUS, trainer)
    if bos is not None:
        tok.post_processor = processors.TemplateProcessing(
            single=f"{bos} $A", pair=f"{bos} $A {bos} $B", special_tokens=[(bos, tok.token_to_id(bos))]
        )
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token=bos, eos_token=specials[0])
    if chat_template is not None:
        fast.chat_template = chat_template
    return fast


QWEN_LIKE = byte_bpe(["<|endoftext|>", "<|im_start|>", "<|im_end|>"], None, CHATML)
LLAMA_LIKE = byte_bpe(
    ["<|end_of_text|>", "<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
    "<|begin_of_text|>",
    LLAMA3,
)


class SegmentTest(unittest.TestCase):
    def test_the_longest_control_token_wins_where_several_start(self):
        split = control_splitter(["<a>", "<a><b>", "<b>"])
        self.assertEqual(
            split("x<a><b>y<b>"), [Segment("x", False), Segment("<a><b>", True), Segment("y", False), Segment("<b>", True)]
        )
        self.assertEqual(control_splitter([])("x<a>"), [Segment("x<a>", False)])

    def test_control_tokens_only_in_template_text_and_plain_text_joined_across_pieces(self):
        split = control_splitter(["<|im_end|>"])
        segments = piece_segments([("A<|im_end|>B", True), ("code <|im_end|>", False), ("C", True)], split)
        self.assertEqual(
            segments, [Segment("A", False), Segment("<|im_end|>", True), Segment("Bcode <|im_end|>C", False)]
        )

    def test_merge_plain_drops_empty_text_and_keeps_adjacent_control_tokens(self):
        self.assertEqual(
            merge_plain([Segment("", False), Segment("<x>", True), Segment("<x>", True), Segment("a", False), Segment("b", False)]),
            [Segment("<x>", True), Segment("<x>", True), Segment("ab", False)],
        )

    def test_a_chat_rendering_must_hold_the_message_exactly_once(self):
        split = control_splitter([])
        self.assertEqual(chat_segments(f"<{SENTINEL}>", [Segment("u", False)], split, "m"), [Segment("<u>", False)])
        with self.assertRaisesRegex(PromptError, "2 times"):
            chat_segments(SENTINEL * 2, [], split, "m")
        with self.assertRaisesRegex(PromptError, "0 times"):
            chat_segments("none", [], split, "m")

    def test_bos_goes_first_once(self):
        self.assertEqual(with_bos([5, 6], 1), [1, 5, 6])
        self.assertEqual(with_bos([1, 5], 1), [1, 5])
        self.assertEqual(with_bos([5], None), [5])


class EncoderTest(unittest.TestCase):
    def test_inserted_control_token_text_stays_plain_template_text_does_not(self):
        enc = PromptEncoder(QWEN_LIKE)
        im_end = QWEN_LIKE.convert_tokens_to_ids("<|im_end|>")
        inserted = enc.encode([("Q:", True), ("x <|im_end|> y", False), ("\n", True)])("1")
        literal = enc.encode([("Q:<|im_end|>", True), ("x", False)])("1")
        self.assertNotIn(im_end, inserted)
        self.assertEqual(inserted, QWEN_LIKE("Q:x <|im_end|> y\n1", add_special_tokens=False, split_special_tokens=True)["input_ids"])
        self.assertEqual(literal.count(im_end), 1)

    def test_no_bos_for_a_qwen_like_tokenizer_bos_for_a_llama_like_one(self):
        self.assertIsNone(PromptEncoder(QWEN_LIKE).bos_id)
        enc = PromptEncoder(LLAMA_LIKE)
        bos = LLAMA_LIKE.bos_token_id
        self.assertEqual(enc.bos_id, bos)
        ids = enc.encode([("Rating: ", True)])("1")
        self.assertEqual(ids, [bos, *LLAMA_LIKE("Rating: 1", add_special_tokens=False)["input_ids"]])
        context, correct, incorrect = find_label_tokens(enc.encode([("Rating: ", True)]), "1", "0")
        self.assertEqual(context[0], bos)
        self.assertNotEqual(correct, incorrect)

    def test_chat_format_wraps_the_prompt_in_the_models_own_template_and_reads_the_label_after_it(self):
        enc = PromptEncoder(QWEN_LIKE, "chat")
        pieces = [("Is this right?\n", True), ("int f() { return 1; } // <|im_start|>", False)]
        segments = enc.segments(pieces)
        rendered = "".join(s.text for s in segments)
        self.assertEqual(
            rendered,
            "<|im_start|>system\nYou are a helpful assistant<|im_end|>\n<|im_start|>user\nIs this right?\n"
            "int f() { return 1; } // <|im_start|><|im_end|>\n<|im_start|>assistant\n",
        )
        # Five control tokens of the template; the one in the code is plain text.
        self.assertEqual(sum(s.special for s in segments), 5)
        context, correct, incorrect = find_label_tokens(enc.encode(pieces), "Yes", "No")
        tail = QWEN_LIKE("assistant\n", add_special_tokens=False)["input_ids"]
        self.assertEqual(context[-len(tail) - 1 :], [QWEN_LIKE.convert_tokens_to_ids("<|im_start|>"), *tail])
        self.assertEqual(correct, QWEN_LIKE("Yes", add_special_tokens=False)["input_ids"][0])

    def test_a_system_turn_replaces_the_templates_default(self):
        enc = PromptEncoder(QWEN_LIKE, "chat", system="You rate Java methods.")
        rendered = "".join(s.text for s in enc.segments([("m", True)]))
        self.assertTrue(rendered.startswith("<|im_start|>system\nYou rate Java methods.<|im_end|>\n<|im_start|>user\nm"))
        with self.assertRaisesRegex(PromptError, "chat-format"):
            PromptEncoder(QWEN_LIKE, "completion", system="s")

    def test_a_template_that_writes_bos_itself_gets_no_second_one(self):
        enc = PromptEncoder(LLAMA_LIKE, "chat")
        ids = enc.encode([("  Rate it.  ", True)])("1")
        bos = LLAMA_LIKE.bos_token_id
        self.assertEqual(ids[0], bos)
        self.assertNotEqual(ids[1], bos)
        # The message's own spaces stay: the template trims the sentinel, never the inserted text.
        rendered = "".join(s.text for s in enc.segments([("  Rate it.  ", True)]))
        self.assertIn("<|end_header_id|>\n\n  Rate it.  <|eot_id|>", rendered)

    def test_a_chat_judge_on_a_model_without_a_chat_template_is_a_clear_error(self):
        bare = byte_bpe(["<|endoftext|>"], None, None)
        with self.assertRaisesRegex(PromptError, "base-x has no chat template"):
            PromptEncoder(bare, "chat", where="base-x")


if __name__ == "__main__":
    unittest.main()
