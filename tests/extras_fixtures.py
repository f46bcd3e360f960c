"""Tiny models for the extras tests (LoRA, ControlNet, a schnell-like pipeline), built in code with the tiny sizes."""

from pathlib import Path

import numpy as np
import torch
from diffusers import FluxControlNetModel, FluxPipeline, FluxTransformer2DModel
from PIL import Image

from renderer.tiny import TINY_TRANSFORMER_CONFIG, build_tiny_pipeline


def tiny_controlnet(num_mode=None) -> FluxControlNetModel:
    """A ControlNet matching the tiny transformer; its zero-initialised outputs made random so it matters."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(2)
        model = FluxControlNetModel(
            **{**TINY_TRANSFORMER_CONFIG, "num_layers": 1, "num_single_layers": 1}, num_mode=num_mode
        )
        with torch.no_grad():
            for layer in [
                model.controlnet_x_embedder,
                *model.controlnet_blocks,
                *model.controlnet_single_blocks,
            ]:
                torch.nn.init.normal_(layer.weight, std=0.1)
    return model.eval()


# Two regions that split a 256 x 256 picture into left and right halves.
PLAN = {
    "base_prompt": "a cosy room",
    "width": 256,
    "height": 256,
    "regions": [
        {"label": "chair", "prompt": "a green chair", "box": [0.0, 0.0, 0.5, 1.0]},
        {"label": "lamp", "prompt": "a red lamp", "box": [0.5, 0.0, 1.0, 1.0]},
    ],
}


def pixels(image) -> np.ndarray:
    """An image as int16 pixels, so differences do not wrap."""
    return np.asarray(image, dtype=np.int16)


def control_picture() -> Image.Image:
    stripes = np.zeros((256, 256, 3), dtype=np.uint8)
    stripes[:, ::32] = 255
    stripes[::32, :] = 255
    return Image.fromarray(stripes)


def save_tiny_lora(folder: Path) -> Path:
    """A random LoRA on the tiny transformer's attention projections, saved the diffusers way."""
    from peft import LoraConfig
    from peft.utils import get_peft_model_state_dict

    source = build_tiny_pipeline()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(1)
        config = LoraConfig(r=4, lora_alpha=4, target_modules=["to_q", "to_k", "to_v", "to_out.0"])
        config.init_lora_weights = False  # random B too, so the LoRA changes the output
        source.transformer.add_adapter(config)
    FluxPipeline.save_lora_weights(
        folder, transformer_lora_layers=get_peft_model_state_dict(source.transformer)
    )
    return Path(folder) / "pytorch_lora_weights.safetensors"


def schnell_like_pipeline(t5_limit: int = 512) -> FluxPipeline:
    """The tiny pipeline with a timestep-distilled transformer (no guidance embedding), under a neutral name."""
    tiny = build_tiny_pipeline()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        transformer = FluxTransformer2DModel(**{**TINY_TRANSFORMER_CONFIG, "guidance_embeds": False}).eval()
    pipe = FluxPipeline(**{**tiny.components, "transformer": transformer})
    pipe.tokenizer_2.model_max_length = t5_limit
    pipe.set_progress_bar_config(disable=True)
    return pipe
