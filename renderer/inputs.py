"""What a render takes besides the plan and its settings: LoRAs, ControlNet inputs, device, dtype, offload.

`RenderInputs` is the typed record of them that travels from the CLI, a batch line or a Python
call down to the pipeline, and into image.png (`recordable()`) and back (`from_record`).
`prepare()` checks them once, before any model loads (LoRA specs parsed, control image read,
dtype and offload mode known), and returns `PreparedInputs` for the render.

Light to import: the LoRA and ControlNet modules (torch) load only in `prepare()`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from planner.settings import SettingsError

OFFLOAD_MODES = ("model", "sequential")
DTYPES = ("bfloat16", "float16", "float32")
CONTROL_FIELDS = ("controlnet", "control_image", "control_mode", "control_scale")
RUNTIME_FIELDS = ("device", "dtype", "offload")


@dataclass(frozen=True)
class RenderInputs:
    """LoRA specs (`PATH_OR_ID[:SCALE]`), a ControlNet (hub id, folder or model) with its control
    image (file or PIL image), mode and scale, and the device, dtype and offload mode. None = not given."""

    loras: tuple[str, ...] | None = None
    controlnet: Any = None
    control_image: Any = None
    control_mode: int | None = None
    control_scale: float | None = None
    device: str | None = None
    dtype: Any = None
    offload: str | None = None

    def __post_init__(self) -> None:
        if self.loras is not None and not isinstance(self.loras, tuple):
            loras = [self.loras] if isinstance(self.loras, str) else list(self.loras)
            object.__setattr__(self, "loras", tuple(loras))
        if self.offload is not None and self.offload not in OFFLOAD_MODES:
            raise SettingsError(
                f"unknown offload mode {self.offload!r}: use one of {', '.join(OFFLOAD_MODES)}"
            )

    def as_kwargs(self) -> dict[str, Any]:
        """The inputs as keyword arguments of `render()` / `plan_and_render()`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def or_else(self, fallback: RenderInputs) -> RenderInputs:
        """These inputs, with what is not given taken from `fallback` (e.g. what an image was made with).

        The ControlNet inputs go together: any of them given here replaces all of the fallback's.
        """
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        control_given = any(values[name] is not None for name in CONTROL_FIELDS)
        for name, value in values.items():
            if value is None and not (control_given and name in CONTROL_FIELDS):
                values[name] = getattr(fallback, name)
        return RenderInputs(**values)

    def recordable(self) -> dict[str, Any]:
        """The inputs that can go into JSON: strings, numbers, lists of strings.

        Paths of existing files are made absolute so the image can be rendered again from elsewhere;
        objects (a loaded ControlNet, a PIL control image, a torch dtype) are left out.
        """
        recorded: dict[str, Any] = {}
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if value is None:
                continue
            if name == "loras":
                loras = [_absolute(str(spec)) for spec in value if isinstance(spec, str)]
                if loras:
                    recorded[name] = loras
            elif name in RUNTIME_FIELDS:
                if isinstance(value, str):
                    recorded[name] = value
            elif isinstance(value, str | os.PathLike):
                recorded[name] = _absolute(str(value))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                recorded[name] = value
        return recorded

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> RenderInputs:
        """Inputs read back from an image's record; values of the wrong type are dropped."""
        kinds: dict[str, tuple[type, ...]] = {
            "controlnet": (str,),
            "control_image": (str,),
            "control_mode": (int,),
            "control_scale": (int, float),
            "device": (str,),
            "dtype": (str,),
            "offload": (str,),
        }
        values: dict[str, Any] = {}
        for name, kind in kinds.items():
            value = data.get(name)
            if isinstance(value, kind) and not isinstance(value, bool):
                values[name] = value
        loras = data.get("loras")
        if isinstance(loras, list) and all(isinstance(spec, str) for spec in loras):
            values["loras"] = tuple(loras)
        if values.get("offload") not in (None, *OFFLOAD_MODES):
            values.pop("offload")
        return cls(**values)

    def prepare(self, pipe: Any = None) -> PreparedInputs:
        """Check everything that can be checked before a model loads, once; returns what the render needs.

        `pipe` is the pipeline the render will use, when one is given (a ControlNet pipeline
        needs no `controlnet` here).
        """
        from renderer.controlnet import ControlInputError, control_call_kwargs, control_input, has_controlnet
        from renderer.lora import parse_lora_specs
        from renderer.pipeline import parse_dtype

        dtype = parse_dtype(self.dtype)
        loras = parse_lora_specs(self.loras)
        control = control_input(self.control_image, self.control_mode, self.control_scale)
        if self.controlnet is None and not has_controlnet(pipe):
            control_call_kwargs(None, control)  # a control image without a ControlNet
        elif control is None and self.controlnet is not None:
            raise ControlInputError("a ControlNet needs a control image: add --control-image FILE")
        return PreparedInputs(inputs=self, loras=loras, control=control, dtype=dtype)


@dataclass(frozen=True)
class PreparedInputs:
    """Checked render inputs: parsed LoRA specs, the loaded control input, the torch dtype."""

    inputs: RenderInputs
    loras: list[Any]
    control: Any
    dtype: Any


def _absolute(text: str) -> str:
    """An existing local path made absolute (a LoRA's ':SCALE' suffix kept); anything else as is."""
    local = Path(text).expanduser()
    if local.exists():
        return str(local.resolve())
    head, sep, scale = text.rpartition(":")
    if sep and head and Path(head).expanduser().exists():
        return str(Path(head).expanduser().resolve()) + sep + scale
    return text
