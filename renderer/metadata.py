"""Plans and settings inside PNG files: written with every image, read back to render it again.

An image.png made by this tool carries two text chunks:

- ``regional_flux``: our JSON, ``{"format": 1, "plan": {...}, "settings": {...}, "model": "..."}``,
  which is everything needed to render the same pixels again on the same machine;
- ``parameters``: an A1111-style summary that other image tools display
  (``<base prompt>`` then ``Steps: 24, Sampler: Euler (flow), CFG scale: 3.5, Seed: 0, ...``).

PIL only: no torch, so reading a plan out of an image stays light.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PIL import Image, PngImagePlugin

from planner.plan import Plan, PlanError, validate_plan, write_atomic
from renderer.settings import DEFAULTS, SETTING_NAMES, Settings

METADATA_KEY = "regional_flux"
PARAMETERS_KEY = "parameters"
METADATA_FORMAT = 1
SAMPLER_NAME = "Euler (flow)"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class ImageMetadata:
    """What an image made by this tool says about itself."""

    plan: Plan
    settings: Settings
    model: str | None


def is_png(path: str | os.PathLike[str]) -> bool:
    """True when the file starts with the PNG signature (the name's extension is not trusted)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except OSError:
        return False


def _quote(value: str) -> str:
    """Quote a value the way A1111 does when it would break the `key: value, ...` line."""
    return json.dumps(value, ensure_ascii=False) if any(c in value for c in ',:"\n') else value


def parameters_text(plan: Plan, settings: Settings, model: str | None = None) -> str:
    """The A1111-style `parameters` text: the base prompt, then one line of `key: value` pairs."""
    pairs: list[tuple[str, Any]] = [
        ("Steps", settings.steps),
        ("Sampler", SAMPLER_NAME),
        ("CFG scale", f"{settings.guidance:g}"),
        ("Seed", settings.seed),
        ("Size", f"{plan.width}x{plan.height}"),
    ]
    if model:
        pairs.append(("Model", _quote(model)))
    pairs.append(("Regions", len(plan.regions)))
    if plan.regions:
        pairs += [
            ("Region labels", _quote("; ".join(region.label for region in plan.regions))),
            ("Base ratio", f"{settings.base_ratio:g}"),
            ("Inject steps", settings.inject_steps),
            ("Double interval", settings.double_interval),
            ("Single interval", settings.single_interval),
        ]
    line = ", ".join(f"{key}: {value}" for key, value in pairs)
    return f"{plan.base_prompt}\n{line}"


def metadata_json(plan: Plan, settings: Settings, model: str | None = None) -> str:
    """Our JSON text chunk: the plan (with its resolved render settings), all settings, the model."""
    data = {
        "format": METADATA_FORMAT,
        "plan": json.loads(plan.to_json()),
        "settings": settings.as_dict(),
        "model": model,
    }
    return json.dumps(data, ensure_ascii=False)


def png_bytes(
    image: Image.Image,
    plan: Plan | None = None,
    settings: Settings | None = None,
    model: str | None = None,
) -> bytes:
    """Encode an image as PNG bytes; with a plan and settings, embed them as text chunks."""
    info = None
    if plan is not None and settings is not None:
        info = PngImagePlugin.PngInfo()
        info.add_itxt(METADATA_KEY, metadata_json(plan, settings, model), zip=True)
        info.add_text(PARAMETERS_KEY, parameters_text(plan, settings, model))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def save_png(
    path: str | os.PathLike[str],
    image: Image.Image,
    plan: Plan | None = None,
    settings: Settings | None = None,
    model: str | None = None,
) -> Path:
    """Write an image as PNG atomically (temporary file, then rename), with optional metadata."""
    return write_atomic(path, png_bytes(image, plan, settings, model))


def read_metadata(path: str | os.PathLike[str]) -> ImageMetadata:
    """Read the plan, settings and model back from an image made by this tool.

    Raises PlanError (one line naming the file and the problem) when the file cannot be read,
    is not a PNG, carries no plan, or carries an invalid one. Relative mask paths in the plan
    are taken from the image's folder, as for a plan.json.
    """
    path = Path(path)
    try:
        with Image.open(path) as image:
            image.load()
            text = image.info.get(METADATA_KEY)
    except OSError as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise PlanError(f"cannot read image {path}: {reason}") from None
    if not isinstance(text, str):
        raise PlanError(f"{path}: this image carries no plan (it was not made by plan-and-render)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"{path}: the {METADATA_KEY} text chunk is not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("plan"), dict):
        raise PlanError(f"{path}: the {METADATA_KEY} text chunk holds no plan object")
    try:
        plan = validate_plan(data["plan"])
    except PlanError as exc:
        raise PlanError(f"{path}: {exc}") from None
    plan._source_dir = path.resolve().parent
    raw = data.get("settings") or {}
    if not isinstance(raw, dict):
        raise PlanError(f"{path}: settings: must be an object")
    try:
        settings = replace(DEFAULTS, **{k: v for k, v in raw.items() if k in SETTING_NAMES})
    except (TypeError, ValueError) as exc:
        raise PlanError(f"{path}: settings: {exc}") from None
    model = data.get("model")
    return ImageMetadata(plan=plan, settings=settings, model=model if isinstance(model, str) else None)
