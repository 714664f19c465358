"""Tests of the data-to-tensor functions (run by test/training/python-unit.test.ts with the training environment)."""

from __future__ import annotations

import unittest

import torch

from judge_data import (
    Example,
    LabelTokensError,
    class_weights,
    collate,
    encode_line,
    encode_lines,
    epoch_batches,
    find_label_tokens,
    label_loss,
    label_scores,
    last_logits,
)


def greedy_tokenizer(vocab: dict[str, int], space_prefix: bool = True):
    """Longest match first over the vocabulary, with SentencePiece's "▁" for spaces and a space prefix."""

    def tokenize(text: str) -> list[int]:
        text = ("▁" if space_prefix else "") + text.replace(" ", "▁")
        ids, i = [], 0
        while i < len(text):
            for j in range(len(text), i, -1):
                if text[i:j] in vocab:
                    ids.append(vocab[text[i:j]])
                    i = j
                    break
            else:
                raise ValueError(f"no token for {text[i]!r}")
        return ids

    return tokenize


def after(tokenize, prompt: str, bos_id: int | None = None):
    """The encode function of one prompt: the ids of prompt + label, BOS first when given."""
    return lambda label: ([bos_id] if bos_id is not None else []) + tokenize(prompt + label)


BASIC = {"▁": 1, "1": 2, "0": 3, "\n": 4, "a": 5, "b": 6, "▁a": 7, "#": 8}


class FindLabelTokensTest(unittest.TestCase):
    def test_label_after_a_newline_is_its_own_token_although_alone_it_takes_two(self):
        tokenize = greedy_tokenizer(BASIC)
        self.assertEqual(tokenize("1"), [1, 2])  # "▁" + "1": why a label is never tokenized alone
        context, correct, incorrect = find_label_tokens(after(tokenize, "a b\n"), "1", "0")
        self.assertEqual(context, [7, 1, 6, 4])
        self.assertEqual((correct, incorrect), (2, 3))

    def test_a_label_merged_into_the_text_before_it_is_read_where_the_two_differ(self):
        tokenize = greedy_tokenizer({**BASIC, "\n1": 9})
        context, correct, incorrect = find_label_tokens(after(tokenize, "a\n"), "1", "0")
        # prompt + "1" ends in the merged "\n1"; prompt + "0" in "\n" + "0": they first differ at "\n1" / "\n".
        self.assertEqual(context, [7])
        self.assertEqual((correct, incorrect), (9, 4))

    def test_labels_whose_tokens_are_a_prefix_of_the_others_are_refused(self):
        tokenize = greedy_tokenizer(BASIC)
        with self.assertRaises(LabelTokensError):
            find_label_tokens(after(tokenize, "a\n"), "1", "10")

    def test_labels_that_differ_in_the_first_token_leave_no_context(self):
        tokenize = greedy_tokenizer(BASIC, space_prefix=False)
        with self.assertRaises(LabelTokensError):
            find_label_tokens(after(tokenize, ""), "1", "0")

    def test_a_real_sentencepiece_style_tokenizer(self):
        from tokenizers import Tokenizer, models, normalizers

        vocab = {"<unk>": 0, "▁": 1, "1": 2, "0": 3, "<0x0A>": 4, "#": 5, "##": 6, "▁#": 7, "▁##": 8}
        tok = Tokenizer(models.BPE(vocab=vocab, merges=[("#", "#"), ("▁", "#"), ("▁", "##")], unk_token="<unk>",
                                   byte_fallback=True))
        tok.normalizer = normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])

        def tokenize(text: str) -> list[int]:
            return tok.encode(text, add_special_tokens=False).ids

        self.assertEqual(tokenize("1"), [1, 2])
        context, correct, incorrect = find_label_tokens(after(tokenize, "##\n"), "1", "0")
        self.assertEqual(context, [8, 4])
        self.assertEqual((correct, incorrect), (2, 3))


class EncodeTest(unittest.TestCase):
    tokenize = staticmethod(greedy_tokenizer(BASIC))

    def test_the_target_is_the_label_token_of_the_example_and_bos_goes_first(self):
        e1 = encode_line(after(self.tokenize, "a\n", bos_id=99), 1, "1", "0")
        e0 = encode_line(after(self.tokenize, "a\n"), 0, "1", "0")
        self.assertEqual(e1.ids, (99, 7, 4))
        self.assertEqual(e0.ids, (7, 4))
        self.assertEqual((e1.target, e0.target), (2, 3))

    def test_with_bos_the_first_label_token_still_has_context(self):
        # Without BOS a prompt-less label differs in the first token; with BOS first, BOS is the context.
        e = encode_line(after(greedy_tokenizer(BASIC, space_prefix=False), "", bos_id=99), 1, "1", "0")
        self.assertEqual((e.ids, e.correct_id, e.incorrect_id), ((99,), 2, 3))

    def test_examples_longer_than_max_tokens_are_left_out_and_counted_never_cut(self):
        lines = [(after(self.tokenize, "a\n"), 1), (after(self.tokenize, "a b a b a b\n"), 0), (after(self.tokenize, "b\n"), 0)]
        encoded = encode_lines(lines, "1", "0", max_tokens=4)
        self.assertEqual(encoded.too_long, [1])
        self.assertEqual([e.ids for e in encoded.examples], [(7, 4), (1, 6, 4)])
        self.assertEqual(encoded.label_errors, [])

    def test_lines_whose_labels_cannot_be_told_apart_are_listed(self):
        encoded = encode_lines([(after(self.tokenize, "a\n"), 1)], "1", "10", max_tokens=100)
        self.assertEqual(encoded.examples, [])
        self.assertEqual(encoded.label_errors, [0])


class BatchTest(unittest.TestCase):
    def test_class_weights_give_each_class_the_same_total(self):
        labels = [1, 1, 1, 0]
        weights = class_weights(labels)
        self.assertAlmostEqual(weights[1] * 3, weights[0] * 1)
        self.assertAlmostEqual(sum(weights[label] for label in labels), len(labels))
        self.assertEqual(class_weights([1, 1]), {1: 1.0})

    def test_epoch_batches_cover_every_index_once_in_a_seeded_order(self):
        a = epoch_batches(10, 3, seed=7, epoch=1)
        self.assertEqual([len(b) for b in a], [3, 3, 3, 1])
        self.assertEqual(sorted(i for b in a for i in b), list(range(10)))
        self.assertEqual(a, epoch_batches(10, 3, seed=7, epoch=1))
        self.assertNotEqual(a, epoch_batches(10, 3, seed=7, epoch=2))
        with self.assertRaises(ValueError):
            epoch_batches(3, 0, seed=1, epoch=1)

    def test_collate_pads_right_and_points_at_each_last_token(self):
        examples = [Example((5, 6, 7), 2, 3, 1), Example((5,), 2, 3, 0)]
        batch = collate(examples, pad_id=0, weights={1: 0.5, 0: 1.5})
        self.assertEqual(batch["input_ids"].tolist(), [[5, 6, 7], [5, 0, 0]])
        self.assertEqual(batch["attention_mask"].tolist(), [[1, 1, 1], [1, 0, 0]])
        self.assertEqual(batch["last"].tolist(), [2, 0])
        self.assertEqual(batch["target"].tolist(), [2, 3])
        self.assertEqual(batch["weight"].tolist(), [0.5, 1.5])

    def test_last_logits_takes_each_rows_last_real_position(self):
        logits = torch.arange(2 * 3 * 4, dtype=torch.float32).reshape(2, 3, 4)
        picked = last_logits(logits, torch.tensor([2, 0]))
        self.assertEqual(picked.tolist(), [logits[0, 2].tolist(), logits[1, 0].tolist()])


class LossTest(unittest.TestCase):
    def test_score_is_the_judges_ratio_of_the_two_label_probabilities(self):
        logits = torch.tensor([[0.1, 2.0, -1.0, 0.5], [1.0, -3.0, 0.0, 4.0]])
        scores = label_scores(logits, torch.tensor([1, 3]), torch.tensor([2, 0]))
        p = logits.softmax(-1)
        expected = [p[0, 1] / (p[0, 1] + p[0, 2]), p[1, 3] / (p[1, 3] + p[1, 0])]
        for got, want in zip(scores.tolist(), expected):
            self.assertAlmostEqual(got, want.item(), places=6)

    def test_loss_is_the_weighted_cross_entropy_of_the_label_token(self):
        logits = torch.tensor([[0.0, 2.0, 0.0], [1.0, 0.0, 0.0]])
        target = torch.tensor([1, 2])
        weight = torch.tensor([3.0, 1.0])
        ce = torch.nn.functional.cross_entropy(logits, target, reduction="none")
        self.assertAlmostEqual(label_loss(logits, target, weight).item(), ((3 * ce[0] + ce[1]) / 4).item(), places=6)

    def test_a_step_on_the_loss_raises_the_label_of_the_example(self):
        torch.manual_seed(0)
        logits = torch.zeros(1, 5, requires_grad=True)
        loss = label_loss(logits, torch.tensor([3]), torch.tensor([1.0]))
        loss.backward()
        before = label_scores(logits.detach(), torch.tensor([3]), torch.tensor([4])).item()
        after = label_scores((logits - logits.grad).detach(), torch.tensor([3]), torch.tensor([4])).item()
        self.assertAlmostEqual(before, 0.5)
        self.assertGreater(after, 0.5)


if __name__ == "__main__":
    unittest.main()
