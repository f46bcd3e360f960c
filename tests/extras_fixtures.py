"""Tiny models for the extras tests (ControlNet), built in code with the tiny transformer's sizes."""

import numpy as np
import torch
from diffusers import FluxControlNetModel
from PIL import Image

from renderer.tiny import TEXT_DIM


def tiny_controlnet(num_mode=None) -> FluxControlNetModel:
    """A ControlNet matching the tiny transformer; its zero-initialised outputs made random so it matters."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(2)
        model = FluxControlNetModel(
            patch_size=1,
            in_channels=64,
            num_layers=1,
            num_single_layers=1,
            attention_head_dim=16,
            num_attention_heads=2,
            joint_attention_dim=TEXT_DIM,
            pooled_projection_dim=TEXT_DIM,
            guidance_embeds=True,
            axes_dims_rope=(4, 6, 6),
            num_mode=num_mode,
        )
        with torch.no_grad():
            for layer in [
                model.controlnet_x_embedder,
                *model.controlnet_blocks,
                *model.controlnet_single_blocks,
            ]:
                torch.nn.init.normal_(layer.weight, std=0.1)
    return model.eval()


def control_picture() -> Image.Image:
    stripes = np.zeros((256, 256, 3), dtype=np.uint8)
    stripes[:, ::32] = 255
    stripes[::32, :] = 255
    return Image.fromarray(stripes)
