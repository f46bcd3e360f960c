"""The whole job in one call: prompt -> plan -> layout -> image -> overlay, optionally written to a folder.

`plan_and_render` is what the `plan-and-render` command runs, and what Python users call when they
want everything at once. The pieces stay usable alone: `planner.make_plan` and `renderer.render`.

Order matters: with `out` given, plan.json and layout.png are on disk before any model loads,
so a failed or interrupted render still leaves an inspectable, editable plan. Every file is
written atomically. torch and diffusers load only when rendering starts, so `plan_only=True`
stays light.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image
from pydantic import ValidationError

from planner.plan import (
    MAX_REGIONS,
    Plan,
    PlanError,
    RenderSettings,
    format_validation_error,
    validate_plan,
    write_atomic,
)
from renderer.layout import draw_layout, draw_overlay
from renderer.metadata import save_png
from renderer.settings import DEFAULT_MODEL, Settings, resolve_settings

PLAN_FILE = "plan.json"
LAYOUT_FILE = "layout.png"
IMAGE_FILE = "image.png"
OVERLAY_FILE = "overlay.png"

PathLike = str | os.PathLike[str]


@dataclass
class PlanAndRenderResult:
    """What one run produced. `image` and `overlay` are None after a plan-only run.

    `plan` is what plan.json holds: its `render` object carries the settings that were chosen
    (arguments, or the plan's own), not the defaults, so it renders again the same way and still
    follows the model's defaults for the rest. `settings` holds every knob used (after a
    plan-only run: what would be used with the default model settings); image.png embeds the
    plan with all of them, so the image alone reproduces the run. `extras` are the LoRA and
    ControlNet inputs and the device/dtype/offload that were given (recorded in image.png too).
    """

    plan: Plan
    settings: Settings
    model: str | None
    layout: Image.Image
    image: Image.Image | None = None
    overlay: Image.Image | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    def save(self, directory: PathLike) -> dict[str, Path]:
        """Write plan.json and layout.png, then image.png (plan and settings embedded) and overlay.png.

        Each file is written atomically, the plan first. Returns the paths written, by name.
        """
        written = save_plan_files(directory, self.plan, self.layout)
        if self.image is not None:
            written.update(
                save_image_files(
                    directory, self.plan, self.settings, self.model, self.image, self.overlay, self.extras
                )
            )
        return written


def portable_plan(plan: Plan, directory: PathLike | None = None) -> Plan:
    """A copy of the plan whose mask paths still point at the same files from `directory`.

    Mask paths are made relative to `directory` (absolute when there is none, or when no
    relative path exists), so a plan.json or image.png written there renders again.
    """
    if not any(region.mask for region in plan.regions):
        return plan
    base = Path(directory).resolve() if directory is not None else None
    regions = []
    for region in plan.regions:
        if region.mask is not None:
            target = plan.mask_path(region).resolve()
            mask = str(target)
            if base is not None:
                try:
                    mask = os.path.relpath(target, base)
                except ValueError:  # another drive on Windows
                    pass
            region = region.model_copy(update={"mask": mask})
        regions.append(region)
    copy = plan.model_copy(update={"regions": regions})
    copy._source_dir = base
    return copy


def save_plan_files(directory: PathLike, plan: Plan, layout: Image.Image | None = None) -> dict[str, Path]:
    """Write plan.json (and layout.png when given) into `directory`, atomically, plan first."""
    directory = Path(directory)
    written = {"plan": write_atomic(directory / PLAN_FILE, portable_plan(plan, directory).to_json().encode())}
    if layout is not None:
        written["layout"] = save_png(directory / LAYOUT_FILE, layout)
    return written


def save_image_files(
    directory: PathLike,
    plan: Plan,
    settings: Settings,
    model: str | None,
    image: Image.Image,
    overlay: Image.Image | None = None,
    extras: dict[str, Any] | None = None,
) -> dict[str, Path]:
    """Write image.png (with the plan, settings and model in its text chunks) and overlay.png.

    The embedded plan's `render` object holds every plan setting used, so the image's plan alone
    renders the same pixels again (with the same model, on the same machine).
    """
    directory = Path(directory)
    embedded = with_render(portable_plan(plan, directory), settings.plan_settings())
    written = {"image": save_png(directory / IMAGE_FILE, image, embedded, settings, model, extras)}
    if overlay is not None:
        written["overlay"] = save_png(directory / OVERLAY_FILE, overlay)
    return written


def _resize(plan: Plan, width: int | None, height: int | None) -> Plan:
    """The plan at another size (validated); mask paths keep resolving from the same folder."""
    updates = {k: v for k, v in (("width", width), ("height", height)) if v is not None}
    if not updates or all(getattr(plan, k) == v for k, v in updates.items()):
        return plan
    resized = validate_plan({**plan.model_dump(exclude_none=True), **updates})
    resized._source_dir = plan._source_dir
    return resized


def with_render(plan: Plan, render: RenderSettings | None) -> Plan:
    """A copy of the plan with another `render` object (mask paths keep resolving from the same folder)."""
    copy = plan.model_copy(update={"render": render})
    copy._source_dir = plan._source_dir
    return copy


def _chosen_render(plan: Plan, explicit: dict[str, Any]) -> RenderSettings | None:
    """The plan's own render settings updated with the given arguments (None: nothing chosen)."""
    values = plan.render.given() if plan.render is not None else {}
    values.update({k: v for k, v in explicit.items() if v is not None and k in RenderSettings.model_fields})
    if not values:
        return None
    try:
        return RenderSettings(**values)
    except ValidationError as exc:
        raise PlanError(format_validation_error(exc, prefix="invalid setting")) from None


def _check_extras(extras: dict[str, Any], pipe: Any) -> None:
    """Fail on bad LoRA specs or control inputs before any model loads (render checks them too, later)."""
    from renderer.lora import parse_lora_specs

    parse_lora_specs(extras["loras"])
    if all(extras[k] is None for k in ("controlnet", "control_image", "control_mode", "control_scale")):
        return
    from renderer.controlnet import ControlInputError, control_call_kwargs, control_input, has_controlnet

    control = control_input(extras["control_image"], extras["control_mode"], extras["control_scale"])
    if extras["controlnet"] is None and not has_controlnet(pipe):
        control_call_kwargs(None, control)  # a control image without a ControlNet
    elif control is None:
        raise ControlInputError("a ControlNet needs a control image: add --control-image FILE")


def _model_name(model: str | None, pipe: Any) -> str | None:
    if model is not None:
        return model
    if pipe is None:
        return DEFAULT_MODEL
    return getattr(getattr(pipe, "config", None), "_name_or_path", None) or None


def plan_and_render(
    prompt: str | Plan,
    *,
    out: PathLike | None = None,
    plan_only: bool = False,
    planner: str = "auto",
    llm_model: str | None = None,
    width: int | None = None,
    height: int | None = None,
    max_regions: int = MAX_REGIONS,
    planner_options: dict[str, Any] | None = None,
    model: str | None = None,
    pipe: Any = None,
    seed: int | None = None,
    steps: int | None = None,
    guidance: float | None = None,
    base_ratio: float | None = None,
    inject_steps: int | None = None,
    double_interval: int | None = None,
    single_interval: int | None = None,
    max_sequence_length: int | None = None,
    regional_tokens: str | None = None,
    base_copy: bool | None = None,
    attention: str | None = None,
    device: str | None = None,
    dtype: Any = None,
    offload: str | None = None,
    progress: bool = True,
    on_plan: Callable[[Plan, Settings], None] | None = None,
    loras: Sequence[str] | None = None,
    controlnet: Any = None,
    control_image: Any = None,
    control_mode: int | None = None,
    control_scale: float | None = None,
    on_step: Callable[[int, int], None] | None = None,
) -> PlanAndRenderResult:
    """Plan a long prompt into regions and render it with regional FLUX.

    - `prompt`: the user's words, or a ready Plan (then no planning happens; `width`/`height`
      still resize it).
    - Planning: `planner` is the backend (auto|openai|hf|rules), `llm_model` its model, and
      `planner_options` any further `planner.make_plan` keywords.
    - Settings (seed, steps, guidance, base_ratio, ...): given values > the plan's `render`
      object > the defaults in `renderer.settings`. None means "not given".
    - `model`: hub id, local folder or "tiny" (default FLUX.1-dev); or pass a loaded `pipe`.
    - `out`: a folder; plan.json and layout.png are written there before any model loads,
      then image.png and overlay.png. `plan_only=True` stops after the plan and layout.
    - `on_plan(plan, settings)` is called once the plan is ready (and saved), before rendering.
    - `loras`, `controlnet`, `control_image`, `control_mode`, `control_scale`: as for
      `renderer.render` (LoRAs as `PATH_OR_ID[:SCALE]`; a ControlNet with its control image);
      they are checked before any model loads.
    - `on_step(done, total)` is called after each denoising step; an exception it raises stops
      the render (plan.json and layout.png are written, image.png is not).

    plan.json keeps the settings that were chosen (arguments > the plan's `render`), not the
    defaults; `result.settings` and image.png hold every setting used, after the model's own
    defaults (FLUX.1-schnell: 4 steps, guidance 0) were applied.

    Errors: planner.PlanError for invalid plans, masks or settings; the planner's own errors for
    planning failures; renderer.errors.RenderError (and ModelUnavailableError) for rendering.
    """
    out_dir = Path(out) if out is not None else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(prompt, Plan):
        plan = _resize(prompt, width, height)
    else:
        from planner import make_plan

        sizes = {k: v for k, v in (("width", width), ("height", height)) if v is not None}
        plan = make_plan(
            prompt,
            backend=planner,
            llm_model=llm_model,
            max_regions=max_regions,
            raw_response_dir=out_dir,
            **sizes,
            **(planner_options or {}),
        )
    explicit = {
        "seed": seed,
        "steps": steps,
        "guidance": guidance,
        "base_ratio": base_ratio,
        "inject_steps": inject_steps,
        "double_interval": double_interval,
        "single_interval": single_interval,
        "max_sequence_length": max_sequence_length,
        "regional_tokens": regional_tokens,
        "base_copy": base_copy,
        "attention": attention,
    }
    plan = with_render(plan, _chosen_render(plan, explicit))
    settings = resolve_settings(plan, **explicit)  # bad settings fail here, before any model loads
    model_name = _model_name(model, pipe)
    layout = draw_layout(plan)  # also reads mask images: a bad mask fails before any model loads
    result = PlanAndRenderResult(plan=plan, settings=settings, model=model_name, layout=layout)
    if out_dir is not None:
        save_plan_files(out_dir, plan, layout)
    if not plan_only:
        from renderer.model_defaults import model_defaults_before_loading

        guess = model_defaults_before_loading(model_name, pipe=pipe, device=device)
        result.settings = resolve_settings(plan, model_defaults=guess, **explicit)
    if on_plan is not None:
        on_plan(plan, result.settings)
    if plan_only:
        return result

    from renderer.model_defaults import pipeline_model_defaults
    from renderer.pipeline import load_pipeline, render

    extras = {
        "loras": loras,
        "controlnet": controlnet,
        "control_image": control_image,
        "control_mode": control_mode,
        "control_scale": control_scale,
    }
    _check_extras(extras, pipe)
    if pipe is None:
        pipe = load_pipeline(model or DEFAULT_MODEL, device=device, dtype=dtype, offload=offload)
    result.settings = resolve_settings(plan, model_defaults=pipeline_model_defaults(pipe), **explicit)
    result.image = render(plan, pipe=pipe, progress=progress, on_step=on_step, **explicit, **extras)
    result.overlay = draw_overlay(plan, result.image)
    runtime = {"device": device, "dtype": dtype, "offload": offload}
    result.extras = {key: value for key, value in {**extras, **runtime}.items() if value is not None}
    if out_dir is not None:
        save_image_files(
            out_dir, plan, result.settings, model_name, result.image, result.overlay, result.extras
        )
    return result
