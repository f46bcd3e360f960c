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
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, PngImagePlugin
from pydantic import ValidationError

from planner.errors import InputError
from planner.plan import Plan, PlanError, RenderSettings, validate_plan, write_atomic
from planner.safe_read import loads_json
from planner.settings import format_validation_error
from renderer.inputs import RenderInputs
from renderer.safe_image import MAX_TEXT_BYTES, open_image
from renderer.settings import DEFAULTS, SETTING_NAMES, Settings, SettingsError

METADATA_KEY = "regional_flux"
PICTURE_KEY = "regional_flux_picture"  # in layout.png and overlay.png: which picture of a plan it is
TOO_LARGE = "too-large"  # PICTURE_KEY's value in an image whose plan was too large to embed
PARAMETERS_KEY = "parameters"
METADATA_FORMAT = 1
SAMPLER_NAME = "Euler (flow)"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class PlanImageError(InputError):
    """An image given as a plan cannot be read, or was not made by this tool."""


@dataclass(frozen=True)
class ImageMetadata:
    """What an image made by this tool says about itself.

    `plan` carries in its `render` object every setting used and the model (older images, whose
    plan held only some settings, get the rest from their settings record); `settings` are all
    settings, resolved; `inputs` the LoRAs and ControlNet inputs it was made with, and the
    device, dtype and offload mode when they were chosen (what can be written down: paths, hub
    ids, names; not objects).
    """

    plan: Plan
    settings: Settings
    model: str | None
    inputs: RenderInputs = field(default_factory=RenderInputs)


def is_png(path: str | os.PathLike[str]) -> bool:
    """True when the file is a regular file that starts with the PNG signature (the name's
    extension is not trusted). A FIFO or device is never opened: it is not a PNG."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except (OSError, ValueError):
        return False


def _quote(value: str) -> str:
    """Quote a value the way A1111 does when it would break the `key: value, ...` line."""
    return json.dumps(value, ensure_ascii=False) if any(c in value for c in ',:"\n') else value


def parameters_text(
    plan: Plan, settings: Settings, model: str | None = None, inputs: RenderInputs | None = None
) -> str:
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
    recorded = inputs.recordable() if inputs is not None else {}
    if recorded.get("loras"):
        pairs.append(("LoRAs", _quote("; ".join(Path(spec).name for spec in recorded["loras"]))))
    if recorded.get("controlnet"):
        pairs.append(("ControlNet", _quote(recorded["controlnet"])))
        for key, name in (("control_mode", "Control mode"), ("control_scale", "Control scale")):
            if key in recorded:
                pairs.append((name, recorded[key]))
    line = ", ".join(f"{key}: {value}" for key, value in pairs)
    return f"{plan.base_prompt}\n{line}"


def metadata_json(
    plan: Plan, settings: Settings, model: str | None = None, inputs: RenderInputs | None = None
) -> str:
    """Our JSON text chunk: the plan (with its resolved render settings), all settings, the model,
    and the LoRA/ControlNet inputs when there were any."""
    data: dict[str, Any] = {
        "format": METADATA_FORMAT,
        "plan": json.loads(plan.to_json()),
        "settings": settings.as_dict(),
        "model": model,
    }
    recorded = inputs.recordable() if inputs is not None else {}
    if recorded:
        data["extras"] = recorded
    return json.dumps(data, ensure_ascii=False)


def png_bytes(
    image: Image.Image,
    plan: Plan | None = None,
    settings: Settings | None = None,
    model: str | None = None,
    inputs: RenderInputs | None = None,
    *,
    picture: str | None = None,
) -> bytes:
    """Encode an image as PNG bytes; with a plan and settings, embed them as text chunks.

    `picture` names a picture of a plan that carries no plan ("layout", "overlay"), so that
    reading it as a plan can say what it is and which file to use instead. A plan larger than an
    image's text chunk may be read back (MAX_TEXT_BYTES: huge inline masks) is left out and the
    image says so: its plan.json, written before rendering, holds it.
    """
    info = None
    if plan is not None and settings is not None:
        info = PngImagePlugin.PngInfo()
        text = metadata_json(plan, settings, model, inputs)
        if len(text.encode("utf-8")) <= MAX_TEXT_BYTES:
            info.add_itxt(METADATA_KEY, text, zip=True)
        else:
            info.add_text(PICTURE_KEY, TOO_LARGE)
        info.add_text(PARAMETERS_KEY, parameters_text(plan, settings, model, inputs))
    elif picture is not None:
        info = PngImagePlugin.PngInfo()
        info.add_text(PICTURE_KEY, picture)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def save_png(
    path: str | os.PathLike[str],
    image: Image.Image,
    plan: Plan | None = None,
    settings: Settings | None = None,
    model: str | None = None,
    inputs: RenderInputs | None = None,
    *,
    picture: str | None = None,
) -> Path:
    """Write an image as PNG atomically (temporary file, then rename), with optional metadata."""
    return write_atomic(path, png_bytes(image, plan, settings, model, inputs, picture=picture))


def _no_plan_message(path: Path, picture: Any) -> str:
    """Why an image holds no plan, and what to pass instead."""
    if picture == TOO_LARGE:
        return (
            f"{path} holds no plan: its plan was larger than {MAX_TEXT_BYTES >> 20} MiB (inline "
            f"masks) and was left out of the image: pass the plan.json written beside it"
        )
    if isinstance(picture, str):
        return (
            f"{path} is the {picture} picture of a plan and holds no plan itself: "
            f"pass the plan.json or image.png written beside it"
        )
    return (
        f"{path}: this PNG carries no plan: it was not made by plan-and-render "
        f"(pass a plan.json, or an image.png this tool rendered)"
    )


def read_metadata(path: str | os.PathLike[str]) -> ImageMetadata:
    """Read the plan, settings and model back from an image made by this tool.

    Raises PlanImageError when the file cannot be read, is not a PNG or carries no plan, and
    PlanError (one line naming the file and the field) when the plan it carries is invalid.
    Relative mask paths in the plan (older images) are taken from the image's folder.
    """
    path = Path(path)
    # bounded: a regular file, a capped size and pixel count, bounded text chunks (safe_image)
    info = open_image(path, what="image", error=PlanImageError).info
    text = info.get(METADATA_KEY)
    if not isinstance(text, str):
        raise PlanImageError(_no_plan_message(path, info.get(PICTURE_KEY)))
    try:
        data = loads_json(text, source=f"{path}: the {METADATA_KEY} text chunk")
    except InputError as exc:
        raise PlanError(str(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("plan"), dict):
        raise PlanError(f"{path}: the {METADATA_KEY} text chunk holds no plan object")
    try:
        plan = validate_plan(data["plan"])
    except PlanError as exc:
        raise PlanError(f"{path}: {exc}") from None
    plan = plan.resolve_mask_paths(path.resolve().parent)
    raw = data.get("settings") or {}
    if not isinstance(raw, dict):
        raise PlanError(f"{path}: settings: must be an object")
    recorded = {k: v for k, v in raw.items() if k in SETTING_NAMES}
    model = data.get("model") if isinstance(data.get("model"), str) else None
    own = plan.render.model_dump(exclude_none=True) if plan.render is not None else {}
    try:
        settings = Settings(**{**DEFAULTS.as_dict(), **recorded})
        render = RenderSettings(**{**({"model": model} if model else {}), **recorded, **own})
    except ValidationError as exc:
        raise SettingsError(format_validation_error(exc, f"{path}: settings")) from None
    plan = plan.model_copy(update={"render": render})
    extras = data.get("extras") if isinstance(data.get("extras"), dict) else {}
    return ImageMetadata(plan=plan, settings=settings, model=model, inputs=RenderInputs.from_record(extras))
