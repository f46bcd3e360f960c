"""Peak GPU memory of a regional render per memory mode: no offload, model offload, sequential offload.

Memory depends on shapes, not weights, so this builds a whole FLUX.1-dev-shaped FluxPipeline with
random weights (transformer 19 + 38 blocks, T5-XXL-sized and CLIP-L-sized text encoders, FLUX's
VAE; small tokenizers from renderer.tiny with T5 padding at 512 tokens): no files, no downloads.
Each mode runs in its own process (clean peak counters and no hooks left over) and renders a
4-region 1024x1024 plan with regional control on every step through `renderer.render`.

  python benchmarks/memory_modes.py                 # CUDA: all modes, a markdown table on stdout
  python benchmarks/memory_modes.py --modes model   # one mode
  python benchmarks/memory_modes.py --smoke         # CPU, tiny pipeline: checks the code path only
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

MODES = ("none", "model", "sequential")
PLAN = {
    "base_prompt": "a harbour at dawn with four boats",
    "width": 1024,
    "height": 1024,
    "regions": [
        {"label": f"boat {i}", "prompt": f"a small boat number {i}", "box": box}
        for i, box in enumerate(
            [[0.0, 0.0, 0.5, 0.5], [0.5, 0.0, 1.0, 0.5], [0.0, 0.5, 0.5, 1.0], [0.5, 0.5, 1.0, 1.0]], 1
        )
    ],
}


def _random_fill(model, device, dtype, seed: int = 0):
    """Allocate a meta-built model on `device` in `dtype` and fill it with small random values."""
    import torch

    model = model.to(dtype).to_empty(device=device)
    generator = torch.Generator(device=device).manual_seed(seed)
    with torch.no_grad():
        for param in model.parameters():
            if param.ndim >= 2:
                param.normal_(0.0, param.shape[-1] ** -0.5, generator=generator)
            else:
                param.fill_(1.0)
    return model.eval().requires_grad_(False)


def full_size_pipeline(device: str):
    """A FluxPipeline with FLUX.1-dev's component sizes and random weights, on `device`, in bf16."""
    import torch
    from diffusers import AutoencoderKL, FlowMatchEulerDiscreteScheduler, FluxPipeline
    from flux_random import random_flux_transformer
    from transformers import CLIPTextConfig, CLIPTextModel, T5Config, T5EncoderModel

    from renderer.tiny import tiny_clip_tokenizer, tiny_t5_tokenizer

    dtype, target = torch.bfloat16, torch.device(device)
    clip_tokenizer, t5_tokenizer = tiny_clip_tokenizer(), tiny_t5_tokenizer()
    t5_tokenizer.model_max_length = 512
    with torch.device("meta"):
        t5 = T5EncoderModel(
            T5Config(vocab_size=32128, d_model=4096, d_kv=64, d_ff=10240, num_layers=24, num_heads=64,
                     feed_forward_proj="gated-gelu", pad_token_id=0, eos_token_id=1)
        )  # fmt: skip
        clip = CLIPTextModel(
            CLIPTextConfig(vocab_size=49408, hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
                           num_attention_heads=12, max_position_embeddings=77, projection_dim=768,
                           eos_token_id=clip_tokenizer.eos_token_id, bos_token_id=clip_tokenizer.bos_token_id)
        )  # fmt: skip
    vae = AutoencoderKL(
        down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=(128, 256, 512, 512), layers_per_block=2, latent_channels=16,
        use_quant_conv=False, use_post_quant_conv=False, scaling_factor=0.3611, shift_factor=0.1159,
    )  # fmt: skip
    return FluxPipeline(
        scheduler=FlowMatchEulerDiscreteScheduler(use_dynamic_shifting=True, base_shift=0.5, max_shift=1.15),
        vae=vae.to(target, dtype).eval(),
        text_encoder=_random_fill(clip, target, dtype, 1),
        tokenizer=clip_tokenizer,
        text_encoder_2=_random_fill(t5, target, dtype, 2),
        tokenizer_2=t5_tokenizer,
        transformer=random_flux_transformer(19, 38, target, dtype),
    )


def measure(mode: str, smoke: bool) -> dict:
    """Build the pipeline for `mode`, render the plan once, return the peak and the time."""
    import torch

    from renderer import render
    from renderer.tiny import build_tiny_pipeline

    cuda = torch.cuda.is_available() and not smoke
    plan = dict(PLAN, width=256, height=256) if smoke else PLAN
    # Offloaded pipelines start on the CPU; "none" is built straight on the GPU.
    pipe = build_tiny_pipeline() if smoke else full_size_pipeline("cuda" if mode == "none" else "cpu")
    if mode == "model":
        pipe.enable_model_cpu_offload(device="cuda" if cuda else "cpu")
    elif mode == "sequential":
        pipe.enable_sequential_cpu_offload(device="cuda")
    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    render(plan, pipe=pipe, steps=2, inject_steps=2, progress=False)
    seconds = time.perf_counter() - start
    peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else None
    return {"mode": mode, "peak_gib": peak, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--smoke", action="store_true", help="tiny pipeline on the CPU (no memory numbers)")
    parser.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)  # the per-mode child process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.smoke)))
        return 0
    rows = []
    for mode in args.modes:
        if args.smoke and mode == "sequential":
            continue  # sequential offload needs an accelerator
        command = [sys.executable, __file__, "--one", mode] + (["--smoke"] if args.smoke else [])
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{mode}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print("| memory mode | peak GPU memory | time (2 steps, 4 regions, 1024x1024) |\n|---|---|---|")
    for row in rows:
        peak = "n/a (CPU)" if row["peak_gib"] is None else f"{row['peak_gib']:.1f} GiB"
        print(f"| {row['mode']} | {peak} | {row['seconds']:.1f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
