"""Builds a tiny Hugging Face checkpoint on a real model family's tokenizer: transformers reads llama.cpp's vocab-only
GGUF (ggml-vocab-qwen2.gguf, ggml-vocab-llama-bpe.gguf, ...) with `gguf_file=`, the weights are random and tiny.

The tokenizer is saved as the family's checkpoints ship it (tokenizer.json + tokenizer_config.json): BOS added to
text with --add-bos (the caller passes what llama.cpp decides for the vocab file, `shouldPrependBosToken`: the
GGUF's `tokenizer.ggml.add_bos_token`, else the vocabulary's default, true for Llama-3; Llama-3's own tokenizer.json
adds it with its post-processor), the GGUF's chat template (or --chat-template FILE where the vocab file has none), and no token
beyond the GGUF's vocabulary (transformers' GGUF loader adds an `<|endoftext|>` to Llama-3's).

Usage: build-real-vocab-checkpoint.py --vocab GGUF --out DIR [--arch qwen2|llama] [--add-bos] [--chat-template FILE]
Prints {"out", "vocabSize", "parameters", "bos", "tokenizer", "seconds"} on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--vocab", required=True, type=Path)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--arch", choices=("qwen2", "llama"), default="qwen2")
    p.add_argument("--add-bos", action="store_true", help="the tokenizer puts BOS before text")
    p.add_argument("--chat-template", type=Path)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--kv-heads", type=int, default=2)
    p.add_argument("--intermediate", type=int, default=128)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--head-scale", type=float, default=25.0, help="multiplies the output layer's initial weights")
    p.add_argument("--tied", action="store_true", help="the output layer is the embedding (Qwen2.5 0.5B-3B); no scaling")
    p.add_argument("--save-dtype", choices=("float32", "bfloat16"), default="float32")
    args = p.parse_args()
    started = time.monotonic()

    import torch
    from gguf import GGUFReader
    from tokenizers import Tokenizer, processors
    from transformers import AutoTokenizer, PreTrainedTokenizerFast

    reader = GGUFReader(args.vocab)
    fields = reader.fields
    n_vocab = len(fields["tokenizer.ggml.tokens"].data)
    add_bos = args.add_bos

    loaded = AutoTokenizer.from_pretrained(args.vocab.parent, gguf_file=args.vocab.name)
    spec = json.loads(loaded.backend_tokenizer.to_str())
    spec["added_tokens"] = [t for t in spec["added_tokens"] if t["id"] < n_vocab]
    tok = Tokenizer.from_str(json.dumps(spec))
    bos = loaded.bos_token if add_bos else None
    if bos is not None:
        tok.post_processor = processors.TemplateProcessing(
            single=f"{bos} $A", pair=f"{bos} $A {bos} $B", special_tokens=[(bos, tok.token_to_id(bos))]
        )
    else:
        tok.post_processor = processors.ByteLevel(trim_offsets=False)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=loaded.bos_token,
        eos_token=loaded.eos_token,
        pad_token=loaded.pad_token,
        unk_token=loaded.unk_token,
    )
    template = args.chat_template.read_text(encoding="utf-8") if args.chat_template else loaded.chat_template
    if template:
        fast.chat_template = template
    args.out.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(args.out)
    if len(fast) != n_vocab:
        raise SystemExit(f"{args.vocab}: the saved tokenizer has {len(fast)} tokens, the GGUF {n_vocab}")

    torch.manual_seed(args.seed)
    common = dict(
        vocab_size=n_vocab,
        hidden_size=args.hidden,
        intermediate_size=args.intermediate,
        num_hidden_layers=args.layers,
        num_attention_heads=args.heads,
        num_key_value_heads=args.kv_heads,
        max_position_embeddings=4096,
        bos_token_id=fast.bos_token_id,
        eos_token_id=fast.eos_token_id,
        tie_word_embeddings=args.tied,
        rms_norm_eps=1e-6,
    )
    if args.arch == "qwen2":
        from transformers import Qwen2Config, Qwen2ForCausalLM

        model = Qwen2ForCausalLM(Qwen2Config(**common, rope_theta=1e6))
    else:
        from transformers import LlamaConfig, LlamaForCausalLM

        model = LlamaForCausalLM(LlamaConfig(**common, rope_theta=5e5))
    # Random logits span about +-1; a LoRA adapter could not widen that enough to learn a label (build-tiny-checkpoint.py).
    if not args.tied:
        with torch.no_grad():
            model.lm_head.weight.mul_(args.head_scale)
    model.to(getattr(torch, args.save_dtype)).save_pretrained(args.out)
    print(
        json.dumps(
            {
                "out": str(args.out),
                "vocabSize": n_vocab,
                "parameters": sum(p.numel() for p in model.parameters()),
                "bos": fast.bos_token_id if add_bos else None,
                "tokenizer": type(loaded).__name__,
                "seconds": round(time.monotonic() - started, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
