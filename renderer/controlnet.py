"""ControlNet with regional control: diffusers' FluxControlNetPipeline built on a loaded FluxPipeline.

The ControlNet is a separate module that diffusers' pipeline calls once per step with the base
prompt's embeddings; our transformer hook recognises the positive pass by those same embeddings,
so regional attention works unchanged on the FLUX transformer while the ControlNet stays
conditioned on the base prompt (its attention processors are never touched). Union ControlNets
(a config with `num_mode`) need a `control_mode`; others must not get one.

Control inputs (image, mode, scale) are checked before any model loads; problems raise
ControlInputError, an InputError, so the CLI exits 2 with one line.
"""

from __future__ import annotations

import inspect
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from PIL import Image, UnidentifiedImageError

from planner.errors import InputError
from renderer.errors import ModelUnavailableError
from renderer.settings import DEFAULT_CONTROL_SCALE

ImageSource = str | os.PathLike[str] | Image.Image


class ControlInputError(InputError):
    """A control image, mode or scale cannot be used (unreadable file, mode a model lacks, ...)."""


@dataclass(frozen=True)
class ControlInput:
    """What the ControlNet gets besides the prompt: the image (RGB), the Union mode, the strength."""

    image: Image.Image
    mode: int | None = None
    scale: float = DEFAULT_CONTROL_SCALE


def load_control_image(source: ImageSource) -> Image.Image:
    """The control image as RGB (a PIL image, or a file path); ControlInputError names the problem."""
    if isinstance(source, Image.Image):
        return source.convert("RGB")
    path = Path(source).expanduser()
    if not path.is_file():
        raise ControlInputError(f"control image {str(path)!r} does not exist")
    try:
        with Image.open(path) as image:
            image.load()
            return image.convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise ControlInputError(f"control image {str(path)!r} cannot be read as an image: {exc}") from None


def control_input(
    image: ImageSource | None, mode: int | None = None, scale: float | None = None
) -> ControlInput | None:
    """Check and load the control inputs (None when no image); call it before loading models."""
    if image is None:
        if mode is not None or scale is not None:
            raise ControlInputError(
                "control mode/scale given without a control image: add --control-image FILE"
            )
        return None
    if mode is not None and (isinstance(mode, bool) or not isinstance(mode, int) or mode < 0):
        raise ControlInputError(f"control mode must be a whole number >= 0, not {mode!r}")
    scale = DEFAULT_CONTROL_SCALE if scale is None else float(scale)
    if not math.isfinite(scale) or scale < 0:
        raise ControlInputError(f"control scale must be a number >= 0, not {scale}")
    return ControlInput(load_control_image(image), mode, scale)


def load_controlnet(source: Any, *, dtype: torch.dtype | None = None):
    """A FluxControlNetModel from a hub id or local folder (a loaded model is returned as is)."""
    if isinstance(source, torch.nn.Module):
        return source
    from diffusers import FluxControlNetModel

    try:
        return FluxControlNetModel.from_pretrained(str(source), torch_dtype=dtype)
    except (OSError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelUnavailableError(f"cannot load ControlNet {str(source)!r}: {reason}") from exc


def has_controlnet(pipe: Any) -> bool:
    """True for a pipeline that runs a ControlNet (FluxControlNetPipeline or alike)."""
    return getattr(pipe, "controlnet", None) is not None


def compute_dtype(pipe: Any) -> torch.dtype:
    """The floating dtype the pipeline's transformer computes in (a quantized one included)."""
    dtype = getattr(getattr(pipe, "transformer", None), "dtype", None)
    return dtype if isinstance(dtype, torch.dtype) and dtype.is_floating_point else torch.bfloat16


def controlnet_pipeline(pipe: Any, controlnet: Any, *, dtype: torch.dtype | None = None):
    """A FluxControlNetPipeline sharing `pipe`'s components (no copies) plus `controlnet`.

    `controlnet` is a FluxControlNetModel or a hub id / folder (loaded in `dtype`, else the
    transformer's compute dtype). CPU offload on `pipe` is enabled again on the new pipeline,
    so the ControlNet is offloaded too; otherwise the ControlNet moves to the pipe's device.
    """
    from diffusers import FluxControlNetPipeline

    model = load_controlnet(controlnet, dtype=dtype or compute_dtype(pipe))
    accepted = inspect.signature(FluxControlNetPipeline.__init__).parameters
    parts = {
        name: part for name, part in pipe.components.items() if name in accepted and name != "controlnet"
    }
    new = FluxControlNetPipeline(**parts, controlnet=model)
    name = getattr(getattr(pipe, "config", None), "_name_or_path", None)
    if name:
        new.register_to_config(_name_or_path=name)
    new.set_progress_bar_config(**dict(getattr(pipe, "_progress_bar_config", {})))
    offload_device = getattr(pipe, "_offload_device", None)
    if offload_device is not None and getattr(pipe, "_all_hooks", None):
        new.enable_model_cpu_offload(device=offload_device)
    elif offload_device is not None:
        new.enable_sequential_cpu_offload(device=offload_device)
    else:
        model.to(pipe._execution_device)
    return new


def control_call_kwargs(pipe: Any, control: ControlInput | None) -> dict[str, Any]:
    """The pipeline-call arguments for the ControlNet; checks that pipe and inputs fit together."""
    if not has_controlnet(pipe):
        if control is not None:
            raise ControlInputError("a control image needs a ControlNet: add --controlnet ID_OR_PATH")
        return {}
    if control is None:
        raise ControlInputError(
            "this pipeline runs a ControlNet: give a control image (--control-image FILE)"
        )
    modes = getattr(pipe.controlnet.config, "num_mode", None)
    if modes is None and control.mode is not None:
        raise ControlInputError(
            f"control mode {control.mode} given, but this ControlNet has no modes (only Union ControlNets do)"
        )
    if modes is not None:
        if control.mode is None:
            raise ControlInputError(f"this Union ControlNet needs --control-mode N (0..{modes - 1})")
        if control.mode >= modes:
            raise ControlInputError(
                f"control mode {control.mode} is out of range: this ControlNet has 0..{modes - 1}"
            )
    return {
        "control_image": control.image,
        "control_mode": control.mode,
        "controlnet_conditioning_scale": control.scale,
    }
