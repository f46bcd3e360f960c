"""A tiny FLUX pipeline with random weights, built in code: no downloads, no files kept.

It has FLUX.1-dev's geometry where the method cares (VAE downsampling 8, 2x2 packing, so one
image token per 16x16 pixels; guidance embedding; double then single blocks; T5 + CLIP text),
and tiny widths, so 256x256 renders on a CPU in about a second. It proves the pipeline runs;
its images are noise-like patterns, not pictures. The two tokenizers' small vocabulary files are
written to a temporary folder while they load and removed right after.
"""

from __future__ import annotations

import json
import string
import tempfile
from pathlib import Path

import torch
from diffusers import (
    AutoencoderTiny,
    FlowMatchEulerDiscreteScheduler,
    FluxPipeline,
    FluxTransformer2DModel,
)
from tokenizers import Tokenizer, decoders, pre_tokenizers, processors
from tokenizers.models import Unigram
from transformers import (
    CLIPTextConfig,
    CLIPTextModel,
    CLIPTokenizer,
    T5Config,
    T5EncoderModel,
    T5TokenizerFast,
)

TINY_SEED = 0
TEXT_DIM = 32
T5_MAX_LENGTH = 64
CLIP_MAX_LENGTH = 77
OUTPUT_GAIN = 8.0  # decoder output spread
# Random weights make attention nearly uniform and the text's pull weak; these gains make the
# prompts (and any leak between regions) visible in the pixels.
TEXT_VALUE_GAIN, TEXT_KEY_GAIN, QK_GAIN = 8.0, 3.0, 2.0
_CHARS = string.ascii_lowercase + string.ascii_uppercase + string.digits + " .,;:!?'\"-()/&"


# FLUX.1-dev's shape (double then single blocks, guidance embedding, 64 latent channels in)
# at tiny widths; ControlNets and variants for tests start from this too.
TINY_TRANSFORMER_CONFIG = dict(
    patch_size=1,
    in_channels=64,
    num_layers=2,
    num_single_layers=4,
    attention_head_dim=16,
    num_attention_heads=2,
    joint_attention_dim=TEXT_DIM,
    pooled_projection_dim=TEXT_DIM,
    guidance_embeds=True,
    axes_dims_rope=(4, 6, 6),
)


def tiny_clip_tokenizer() -> CLIPTokenizer:
    """A byte-level CLIP tokenizer over single characters (no merges).

    Built from vocab.json and merges.txt written to a temporary folder, the files every
    transformers version reads (4.x has no in-memory constructor; 5.x has no other).
    """
    # Byte-level BPE shows each byte as a printable character: printable bytes stand for
    # themselves, the others are shifted past 255.
    printable = [b for b in range(256) if chr(b).isprintable() and chr(b) != " "]
    shifted = [b for b in range(256) if b not in printable]
    symbols = [chr(b) for b in printable] + [chr(256 + i) for i in range(len(shifted))]
    vocab = {"<|startoftext|>": 0, "<|endoftext|>": 1}
    for symbol in symbols:
        vocab.setdefault(symbol, len(vocab))
        vocab.setdefault(symbol + "</w>", len(vocab))
    with tempfile.TemporaryDirectory(prefix="tiny-clip-") as folder:
        Path(folder, "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
        Path(folder, "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")  # header only
        return CLIPTokenizer.from_pretrained(folder, model_max_length=CLIP_MAX_LENGTH)


def tiny_t5_tokenizer() -> T5TokenizerFast:
    """A Unigram T5 tokenizer whose pieces are words' characters; every text tokenizes.

    Built as T5's own pipeline in the `tokenizers` library and loaded from its tokenizer.json in
    a temporary folder, which transformers 4.x and 5.x both read to the same token ids.
    """
    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0)]
    pieces += [(c, -3.0) for c in _CHARS if c != " "]
    pieces += [("▁" + c, -2.5) for c in _CHARS if c != " "]
    backend = Tokenizer(Unigram(pieces, unk_id=2, byte_fallback=False))
    backend.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.WhitespaceSplit(),
            pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True),
        ]
    )
    backend.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    backend.post_processor = processors.TemplateProcessing(
        single=["$A", "</s>"], pair=["$A", "</s>", "$B", "</s>"], special_tokens=[("</s>", 1)]
    )
    with tempfile.TemporaryDirectory(prefix="tiny-t5-") as folder:
        backend.save(str(Path(folder, "tokenizer.json")))
        return T5TokenizerFast.from_pretrained(
            folder,
            extra_ids=0,  # T5 otherwise adds 100 sentinel tokens
            eos_token="</s>",
            unk_token="<unk>",
            pad_token="<pad>",
            model_max_length=T5_MAX_LENGTH,
        )


def build_tiny_pipeline(dtype: torch.dtype = torch.float32) -> FluxPipeline:
    """A FluxPipeline with random weights from a fixed seed; the same on every call and machine."""
    clip_tokenizer = tiny_clip_tokenizer()
    t5_tokenizer = tiny_t5_tokenizer()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(TINY_SEED)
        # The order of construction is the order the seeded generator is drawn from: keep it.
        transformer = FluxTransformer2DModel(**TINY_TRANSFORMER_CONFIG)
        clip = _tiny_clip(clip_tokenizer)
        t5 = _tiny_t5(t5_tokenizer)
        vae = _tiny_vae()
        _apply_gains(transformer, vae)
    pipe = FluxPipeline(
        scheduler=_tiny_scheduler(),
        vae=vae,
        text_encoder=clip,
        tokenizer=clip_tokenizer,
        text_encoder_2=t5,
        tokenizer_2=t5_tokenizer,
        transformer=transformer,
    )
    pipe.set_progress_bar_config(disable=True)
    for module in (transformer, clip, t5, vae):
        module.eval()
    return pipe if dtype == torch.float32 else pipe.to(dtype=dtype)


def _tiny_clip(tokenizer: CLIPTokenizer) -> CLIPTextModel:
    """A two-layer CLIP text encoder (random weights) sized to the tiny CLIP tokenizer."""
    return CLIPTextModel(
        CLIPTextConfig(
            vocab_size=len(tokenizer),
            hidden_size=TEXT_DIM,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=2,
            max_position_embeddings=CLIP_MAX_LENGTH,
            projection_dim=TEXT_DIM,
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        )
    )


def _tiny_t5(tokenizer: T5TokenizerFast) -> T5EncoderModel:
    """A two-layer T5 encoder (random weights) sized to the tiny T5 tokenizer."""
    return T5EncoderModel(
        T5Config(
            vocab_size=len(tokenizer),
            d_model=TEXT_DIM,
            d_kv=8,
            d_ff=64,
            num_layers=2,
            num_heads=4,
            relative_attention_num_buckets=8,
            pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.eos_token_id,
            decoder_start_token_id=0,
        )
    )


def _tiny_vae() -> AutoencoderTiny:
    """A small AutoencoderTiny with FLUX's 8x downsampling and 16 latent channels (random weights).

    A conv-only decoder (no GroupNorm, no attention) keeps each pixel a function of the latents
    near it, so tests can check that regions do not leak into each other.
    """
    vae = AutoencoderTiny(
        in_channels=3,
        out_channels=3,
        encoder_block_out_channels=(8, 8, 8, 8),
        decoder_block_out_channels=(8, 8, 8, 8),
        num_encoder_blocks=(1, 1, 1, 1),
        num_decoder_blocks=(1, 1, 1, 1),
        latent_channels=16,
    )
    # FluxPipeline reads the VAE's downsampling from `block_out_channels` (8x here).
    vae.register_to_config(block_out_channels=(8, 8, 8, 8))
    return vae


@torch.no_grad()
def _apply_gains(transformer: FluxTransformer2DModel, vae: AutoencoderTiny) -> None:
    """Scale the random weights so the pictures show something (see the gains above).

    Random weights give a flat grey: the decoder's output is spread over [0, 1]; the text's
    values and keys, and every block's queries and keys, are strengthened.
    """
    last = vae.decoder.layers[-1]
    last.weight.mul_(OUTPUT_GAIN)
    last.bias.fill_(0.5)
    for block in transformer.transformer_blocks:
        block.attn.add_v_proj.weight.mul_(TEXT_VALUE_GAIN)
        block.attn.norm_added_k.weight.mul_(TEXT_KEY_GAIN)
    for block in [*transformer.transformer_blocks, *transformer.single_transformer_blocks]:
        block.attn.norm_q.weight.mul_(QK_GAIN)
        block.attn.norm_k.weight.mul_(QK_GAIN)


def _tiny_scheduler() -> FlowMatchEulerDiscreteScheduler:
    """FLUX.1-dev's flow-matching scheduler settings (dynamic shifting)."""
    return FlowMatchEulerDiscreteScheduler(
        base_image_seq_len=256,
        base_shift=0.5,
        max_image_seq_len=4096,
        max_shift=1.15,
        shift=3.0,
        use_dynamic_shifting=True,
    )
