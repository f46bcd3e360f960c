"""LoRAs on a FLUX pipeline, through diffusers' own loader: `PATH_OR_ID[:SCALE]` specs in, active adapters out.

Each LoRA is loaded with `pipe.load_lora_weights(source, adapter_name=...)` and the scales are
applied with `pipe.set_adapters(names, adapter_weights=scales)`, so a scale is honoured without
fusing weights (scale 0 is exactly no LoRA). Regional attention needs nothing special: it calls
the attention modules, LoRA layers included.

A source is a local .safetensors file or folder, a hub id (`owner/repo`), or a file in a hub
repo (`owner/repo/name.safetensors`).

Spec rule: the text splits at its LAST ':' only when what follows parses as a number, so
`C:\\loras\\ink.safetensors`, `user/repo` and `./ink.safetensors:0.8` all read as expected.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.errors import InputError
from renderer.errors import ModelUnavailableError

DEFAULT_LORA_SCALE = 1.0


class LoraSpecError(InputError):
    """A LoRA spec is malformed (empty source, scale not a finite number, the same LoRA twice)."""


class LoraError(ModelUnavailableError):
    """A LoRA could not be loaded (missing file, unknown hub id, not a FLUX LoRA, peft missing)."""


@dataclass(frozen=True)
class LoraSpec:
    """One LoRA: a local file or folder, or a hub id, and its scale (1.0 = as trained)."""

    source: str
    scale: float = DEFAULT_LORA_SCALE

    @property
    def adapter_name(self) -> str:
        """A stable adapter name for this source: the same LoRA is loaded once per pipeline."""
        stem = Path(self.source.rstrip("/\\")).name.removesuffix(".safetensors") or "lora"
        digest = hashlib.sha1(self.source.encode("utf-8")).hexdigest()[:8]
        return f"{re.sub(r'[^A-Za-z0-9_]', '_', stem)[:40]}_{digest}"


def parse_lora_spec(text: str | LoraSpec) -> LoraSpec:
    """`PATH_OR_ID[:SCALE]` -> LoraSpec; raises LoraSpecError naming the problem."""
    if isinstance(text, LoraSpec):
        return _checked(text)
    source, scale = str(text).strip(), DEFAULT_LORA_SCALE
    head, sep, tail = source.rpartition(":")
    if sep:
        try:
            scale = float(tail)
        except ValueError:
            pass  # no scale: the ':' belongs to the path (C:\...) or id
        else:
            source = head.strip()
    return _checked(LoraSpec(source, scale))


def _checked(spec: LoraSpec) -> LoraSpec:
    if not spec.source:
        raise LoraSpecError(
            "LoRA: empty path or hub id (use PATH_OR_ID[:SCALE], e.g. ./style.safetensors:0.8)"
        )
    if not math.isfinite(spec.scale):
        raise LoraSpecError(f"LoRA {spec.source!r}: scale must be a finite number, not {spec.scale}")
    return spec


def parse_lora_specs(specs: Iterable[str | LoraSpec] | str | LoraSpec | None) -> list[LoraSpec]:
    """Parse several specs (None -> []); the same LoRA twice is an error (give one scale)."""
    if specs is None:
        return []
    if isinstance(specs, str | LoraSpec):
        specs = [specs]
    parsed = [parse_lora_spec(spec) for spec in specs]
    sources = [spec.source for spec in parsed]
    for source in sources:
        if sources.count(source) > 1:
            raise LoraSpecError(f"LoRA {source!r} is given twice: give it once, with one scale")
    return parsed


def loaded_adapters(pipe: Any) -> set[str]:
    """Names of the adapters already loaded into any component of the pipeline."""
    try:
        per_component = pipe.get_list_adapters()
    except Exception:  # no peft backend, or no LoRA support on this pipeline
        return set()
    return {name for names in per_component.values() for name in names}


def apply_loras(pipe: Any, specs: Sequence[str | LoraSpec]) -> list[str]:
    """Load the LoRAs into `pipe` (once per source) and make exactly them active, at their scales.

    The pipeline keeps them loaded afterwards (as diffusers' own loader does); calling again with
    the same sources reuses them and only changes the scales. Returns the adapter names.
    """
    parsed = parse_lora_specs(specs)
    if not parsed:
        return []
    if not hasattr(pipe, "load_lora_weights"):
        raise LoraError(f"{type(pipe).__name__} cannot load LoRAs (diffusers' LoRA loader is missing)")
    present = loaded_adapters(pipe)
    for spec in parsed:
        if spec.adapter_name in present:
            continue
        source, options = loader_arguments(spec.source)
        try:
            pipe.load_lora_weights(source, adapter_name=spec.adapter_name, **options)
        except Exception as exc:
            raise LoraError(f"cannot load LoRA {spec.source!r}: {_first_line(exc)}") from exc
    names = [spec.adapter_name for spec in parsed]
    pipe.set_adapters(names, adapter_weights=[spec.scale for spec in parsed])
    return names


def loader_arguments(source: str) -> tuple[str, dict[str, Any]]:
    """What to hand `load_lora_weights`: a local file or folder as is; `owner/repo/file.safetensors`
    (a file inside a hub repo that holds several) as the repo id plus `weight_name`."""
    if Path(source).expanduser().exists():
        return str(Path(source).expanduser()), {}
    parts = source.split("/")
    if len(parts) > 2 and source.endswith(".safetensors") and not source.startswith((".", "/", "~")):
        return "/".join(parts[:2]), {"weight_name": "/".join(parts[2:])}
    return source, {}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    if "peft" in text.lower() and "required" in text.lower():
        return "LoRAs need the peft package: pip install peft"
    return text.splitlines()[0] if text else type(exc).__name__
