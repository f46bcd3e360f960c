"""A FLUX.1-dev-shaped transformer with random weights, and the inputs a pipeline would pass it.

Speed and memory depend on shapes, not weights, so the benchmark builds the real diffusers
FluxTransformer2DModel with FLUX.1-dev's config (optionally fewer blocks), allocates it on the
meta device first and then fills it in place on the target device (no slow CPU init, no files).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from diffusers import FluxPipeline, FluxTransformer2DModel

# diffusers config of black-forest-labs/FLUX.1-dev (transformer/config.json)
FLUX_DEV_CONFIG = dict(
    patch_size=1,
    in_channels=64,
    num_layers=19,
    num_single_layers=38,
    attention_head_dim=128,
    num_attention_heads=24,
    joint_attention_dim=4096,
    pooled_projection_dim=768,
    guidance_embeds=True,
    axes_dims_rope=(16, 56, 56),
)


def random_flux_transformer(
    double_blocks: int, single_blocks: int, device: torch.device, dtype: torch.dtype, seed: int = 0
) -> FluxTransformer2DModel:
    """FLUX.1-dev geometry with `double_blocks` + `single_blocks` blocks and random weights.

    Linear weights ~ N(0, 1/fan_in), biases 0, norm scales 1: activations stay in a normal range,
    so no denormals or infinities distort CPU timings.
    """
    config = dict(FLUX_DEV_CONFIG, num_layers=double_blocks, num_single_layers=single_blocks)
    with torch.device("meta"):
        model = FluxTransformer2DModel(**config)
    model = model.to(dtype).to_empty(device=device)
    generator = torch.Generator(device=device).manual_seed(seed)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if param.ndim >= 2:
                param.normal_(0.0, param.shape[-1] ** -0.5, generator=generator)
            elif name.endswith("bias"):
                param.zero_()
            else:
                param.fill_(1.0)
        for buffer in model.buffers():
            buffer.zero_()
    return model.eval().requires_grad_(False)


@dataclass
class FluxInputs:
    """The keyword arguments FluxPipeline passes to the transformer on one denoising step."""

    hidden_states: torch.Tensor
    encoder_hidden_states: torch.Tensor
    pooled_projections: torch.Tensor
    timestep: torch.Tensor
    img_ids: torch.Tensor
    txt_ids: torch.Tensor
    guidance: torch.Tensor

    def kwargs(self) -> dict:
        return dict(vars(self), joint_attention_kwargs=None, return_dict=False)


def random_inputs(
    size: int, text_len: int, device: torch.device, dtype: torch.dtype, seed: int = 0
) -> FluxInputs:
    """Inputs for a `size` x `size` image (one token per 16x16 px) and `text_len` T5 tokens."""
    generator = torch.Generator(device="cpu").manual_seed(seed)
    grid = size // 16

    def randn(*shape: int) -> torch.Tensor:
        return torch.randn(*shape, generator=generator).to(device, dtype)

    return FluxInputs(
        hidden_states=randn(1, grid * grid, FLUX_DEV_CONFIG["in_channels"]),
        encoder_hidden_states=randn(1, text_len, FLUX_DEV_CONFIG["joint_attention_dim"]),
        pooled_projections=randn(1, FLUX_DEV_CONFIG["pooled_projection_dim"]),
        timestep=torch.full((1,), 0.5, device=device, dtype=dtype),
        img_ids=FluxPipeline._prepare_latent_image_ids(1, grid, grid, device, dtype),
        txt_ids=torch.zeros(text_len, 3, device=device, dtype=dtype),
        guidance=torch.full((1,), 3.5, device=device, dtype=torch.float32),
    )


def random_text(tokens: int, device: torch.device, dtype: torch.dtype, seed: int = 1) -> torch.Tensor:
    """(1, tokens, 4096) T5-like embeddings for the regional prompts."""
    generator = torch.Generator(device="cpu").manual_seed(seed)
    width = FLUX_DEV_CONFIG["joint_attention_dim"]
    return torch.randn(1, tokens, width, generator=generator).to(device, dtype)


def grid_regions(count: int, rows: int, cols: int) -> torch.Tensor:
    """(count, rows*cols) bool token masks of `count` boxes tiling the image (2: halves, 4: 2x2, 8: 4x2, 16: 4x4)."""
    across = {1: 1, 2: 2, 4: 2, 8: 4, 16: 4}.get(count) or int(count**0.5 + 0.999)
    down = -(-count // across)
    masks = torch.zeros(count, rows, cols, dtype=torch.bool)
    for index in range(count):
        r, c = divmod(index, across)
        masks[
            index, r * rows // down : (r + 1) * rows // down, c * cols // across : (c + 1) * cols // across
        ] = True
    return masks.reshape(count, -1)
