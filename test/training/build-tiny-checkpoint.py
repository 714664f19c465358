"""Builds a tiny Llama-architecture Hugging Face checkpoint for the training tests: random weights and a tokenizer
trained here on the Java files given, so nothing is downloaded.

The tokenizer is what Llama-2 ships: a SentencePiece BPE model (tokenizer.model) with byte fallback, a space
prefix and whitespace kept as is (newlines are <0x0A>, indentation is runs of "▁"), plus the equivalent
tokenizer.json, since transformers 5 builds a tokenizer that encodes everything to [] from a bare tokenizer.model
(FACTS.md). llama.cpp's converter reads tokenizer.model (its SentencePiece path), transformers reads tokenizer.json,
and the two give the same ids; --check-out writes transformers' ids of sample texts so a test can compare them with
llama.cpp's tokenization of the converted GGUF. (A byte-level BPE tokenizer.json alone would not do: the converter
refuses pre-tokenizers whose output hash it does not know.)

Usage: build-tiny-checkpoint.py --out DIR --corpus A.java [B.java ...] [--hidden 64 --layers 2 --heads 4 ...]
Prints {"out", "vocabSize", "parameters"} on stdout.
"""

from __future__ import annotations

import argparse
import io
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEMPLATE_LINES = [
    "### Description",
    "### Signature",
    "### Candidate",
    "### Rating (1 = correct, 0 = incorrect)",
    "None (method",
]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--corpus", nargs="+", required=True, type=Path, help="text files the tokenizer learns from")
    p.add_argument("--extra", action="append", default=[], help="a line to add to the corpus 20 times (markers)")
    p.add_argument("--vocab-size", type=int, default=600)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--intermediate", type=int, default=128)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--head-scale", type=float, default=25.0, help="multiplies the output layer's initial weights")
    p.add_argument("--check-out", type=Path, help="write transformers' token ids of sample texts here")
    args = p.parse_args()

    import sentencepiece as spm
    import torch
    from tokenizers import AddedToken, Tokenizer, decoders, models, normalizers, processors
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
    from transformers.convert_slow_tokenizer import import_protobuf
    from transformers.tokenization_utils_base import generate_merges

    texts = [path.read_text(encoding="utf-8") for path in args.corpus]
    lines = [line for text in texts for line in text.split("\n")] + TEMPLATE_LINES * 20
    lines += [line for line in args.extra for _ in range(20)]
    args.out.mkdir(parents=True, exist_ok=True)

    # Llama-2's settings: BPE, byte fallback, digits split, no normalization, whitespace kept, a space prefix.
    proto = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=proto,
        model_type="bpe",
        vocab_size=args.vocab_size,
        hard_vocab_limit=False,
        byte_fallback=True,
        split_digits=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=True,
        allow_whitespace_only_pieces=True,
        character_coverage=1.0,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    (args.out / "tokenizer.model").write_bytes(proto.getvalue())

    # The same vocabulary as tokenizer.json, laid out as Llama-2's (merges ordered by the pieces' scores).
    model_proto = import_protobuf().ModelProto()
    model_proto.ParseFromString(proto.getvalue())
    vocab = {piece.piece: i for i, piece in enumerate(model_proto.pieces)}
    tok = Tokenizer(
        models.BPE(vocab=vocab, merges=generate_merges(vocab), unk_token="<unk>", fuse_unk=True, byte_fallback=True)
    )
    tok.normalizer = normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])
    tok.decoder = decoders.Sequence(
        [decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse(), decoders.Strip(" ", 1, 0)]
    )
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in ("<unk>", "<s>", "</s>")])
    tok.post_processor = processors.TemplateProcessing(single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", 1)])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>")
    fast.save_pretrained(args.out)

    torch.manual_seed(args.seed)
    config = LlamaConfig(
        vocab_size=len(vocab),
        hidden_size=args.hidden,
        intermediate_size=args.intermediate,
        num_hidden_layers=args.layers,
        num_attention_heads=args.heads,
        num_key_value_heads=args.heads,
        max_position_embeddings=4096,
        bos_token_id=1,
        eos_token_id=2,
        tie_word_embeddings=False,
        rms_norm_eps=1e-5,
    )
    model = LlamaForCausalLM(config)
    # A trained model's output layer spans logits of tens of units; a random one at std 0.02 spans about +-1 after
    # the final norm, and a LoRA adapter (attention and MLP only) cannot widen that, so it could not learn a label.
    with torch.no_grad():
        model.lm_head.weight.mul_(args.head_scale)
    model.save_pretrained(args.out)

    if args.check_out is not None:
        samples = [t[i : i + 97] for t in texts for i in range(0, len(t), 97)] + [line for line in lines if line]
        samples += ["1", "0", "\n1", " 1", "### Rating (1 = correct, 0 = incorrect)\n1", "\t\tx  y\n\n", "é 𝄞", "a<s>b"]
        ids = [fast(s, add_special_tokens=False, split_special_tokens=True)["input_ids"] for s in samples]
        args.check_out.write_text(json.dumps([{"text": s, "ids": i} for s, i in zip(samples, ids)]))

    print(
        json.dumps(
            {"out": str(args.out), "vocabSize": len(vocab), "parameters": sum(p.numel() for p in model.parameters())}
        )
    )


if __name__ == "__main__":
    main()
