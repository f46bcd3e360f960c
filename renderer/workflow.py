"""The whole job in one call: prompt -> plan -> layout -> image -> overlay, optionally written to a folder.

`plan_and_render` is what the `plan-and-render` command runs, and what Python users call when they
want everything at once. The pieces stay usable alone: `planner.make_plan` and `renderer.render`.

Order matters: with `out` given, plan.json and layout.png are on disk before any model loads,
so a failed or interrupted render still leaves an inspectable, editable plan. Every file is
written atomically. torch and diffusers load only when rendering starts, so `plan_only=True`
stays light.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from planner.critic import Finding, critique
from planner.plan import MAX_REGIONS, Plan, RenderSettings, validate_plan, write_atomic
from renderer.inputs import RenderInputs
from renderer.layout import draw_layout, draw_overlay
from renderer.masks import inline_masks
from renderer.metadata import save_png
from renderer.out_folder import IMAGE_FILE, LAYOUT_FILE, OVERLAY_FILE, PLAN_FILE, own_folder
from renderer.quiet import quiet_libraries
from renderer.settings import DEFAULT_MODEL, Settings, check_given, resolve_settings

PathLike = str | os.PathLike[str]


@dataclass
class PlanAndRenderResult:
    """What one run produced. `image` and `overlay` are None after a plan-only run.

    `findings` are the critic's (planner.critic) disagreements between the plan and its prompt
    ("3 cats asked, 2 planned"): advice shown to the user, never a reason to fail; empty when the
    plan agrees or the critic was off.

    `plan` is what plan.json holds: its `render` object carries the settings that were chosen
    (arguments, or the plan's own) and the model when one was named, not the defaults, so it
    renders again the same way and still follows the model's defaults for the rest. `settings`
    holds every knob used (resolved once, with the model's own defaults); image.png embeds the
    plan with all of them, so the image alone reproduces the run. `inputs` are the LoRA and
    ControlNet inputs and the device/dtype/offload that were given (recorded in image.png too).
    """

    plan: Plan
    settings: Settings
    model: str | None
    layout: Image.Image
    image: Image.Image | None = None
    overlay: Image.Image | None = None
    inputs: RenderInputs = field(default_factory=RenderInputs)
    findings: list[Finding] = field(default_factory=list)

    def save(self, directory: PathLike) -> dict[str, Path]:
        """Write plan.json and layout.png, then image.png (plan and settings embedded) and overlay.png.

        Each file is written atomically, the plan first. The folder is held as during a run
        (renderer.out_folder): an earlier run's files there are removed first, and a run writing
        there at the same time makes this fail. Returns the paths written, by name.
        """
        with own_folder(directory):
            written = save_plan_files(directory, self.plan, self.layout)
            if self.image is not None:
                written.update(
                    save_image_files(
                        directory, self.plan, self.settings, self.model, self.image, self.overlay, self.inputs
                    )
                )
        return written


def save_plan_files(directory: PathLike, plan: Plan, layout: Image.Image | None = None) -> dict[str, Path]:
    """Write plan.json (masks inline, so it renders anywhere) and layout.png when given, atomically, plan first."""
    directory = Path(directory)
    written = {"plan": write_atomic(directory / PLAN_FILE, inline_masks(plan).to_json().encode())}
    if layout is not None:
        written["layout"] = save_png(directory / LAYOUT_FILE, layout, picture="layout")
    return written


def save_image_files(
    directory: PathLike,
    plan: Plan,
    settings: Settings,
    model: str | None,
    image: Image.Image,
    overlay: Image.Image | None = None,
    inputs: RenderInputs | None = None,
) -> dict[str, Path]:
    """Write image.png (with the plan, settings and model in its text chunks) and overlay.png.

    The embedded plan's `render` object holds every setting used and the model, and its masks
    are inline, so the image alone renders the same pixels again (same model, same machine),
    wherever it is moved.
    """
    directory = Path(directory)
    render = RenderSettings(**settings.as_dict(), model=model)
    embedded = inline_masks(plan).model_copy(update={"render": render})
    written = {"image": save_png(directory / IMAGE_FILE, image, embedded, settings, model, inputs)}
    if overlay is not None:
        written["overlay"] = save_png(directory / OVERLAY_FILE, overlay, picture="overlay")
    return written


def _resize(plan: Plan, width: int | None, height: int | None) -> Plan:
    """The plan at another size (validated)."""
    updates = {k: v for k, v in (("width", width), ("height", height)) if v is not None}
    if not updates or all(getattr(plan, k) == v for k, v in updates.items()):
        return plan
    return validate_plan({**plan.model_dump(exclude_none=True), **updates})


def _chosen_render(plan: Plan, given: dict[str, Any], model: str | None) -> RenderSettings | None:
    """The plan's own render object updated with the given settings and model (None: nothing chosen)."""
    values = plan.render.model_dump(exclude_none=True) if plan.render is not None else {}
    values.update(given)
    if model is not None:
        values["model"] = model
    return RenderSettings(**values) if values else None


def _model_name(plan: Plan, model: str | None, pipe: Any) -> str | None:
    """The model the run uses: given > the plan's > the loaded pipe's name > FLUX.1-dev."""
    if model is not None:
        return model
    if pipe is not None:
        return getattr(getattr(pipe, "config", None), "_name_or_path", None) or None
    if plan.render is not None and plan.render.model is not None:
        return plan.render.model
    return DEFAULT_MODEL


def _run_scope(function: Callable[..., PlanAndRenderResult]) -> Callable[..., PlanAndRenderResult]:
    """Run `function` quietly (renderer.quiet) and holding its `out` folder for the whole call
    (renderer.out_folder.own_folder): another run into that folder is refused, and an earlier
    run's files there are removed before anything is written, so the folder never mixes two runs."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> PlanAndRenderResult:
        out = kwargs.get("out")
        with quiet_libraries(), own_folder(out) if out is not None else contextlib.nullcontext():
            return function(*args, **kwargs)

    return run


@_run_scope
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
    critic: bool = True,
    model: str | None = None,
    pipe: Any = None,
    device: str | None = None,
    dtype: Any = None,
    offload: str | None = None,
    progress: bool = True,
    on_plan: Callable[[PlanAndRenderResult], None] | None = None,
    loras: Sequence[str] | None = None,
    controlnet: Any = None,
    control_image: Any = None,
    control_mode: int | None = None,
    control_scale: float | None = None,
    on_step: Callable[[int, int], None] | None = None,
    **settings: Any,
) -> PlanAndRenderResult:
    """Plan a long prompt into regions and render it with regional FLUX.

    - `prompt`: the user's words, or a ready Plan (then no planning happens; `width`/`height`
      still resize it).
    - Planning: `planner` is the backend (auto|openai|hf|rules), `llm_model` its model,
      `max_regions` the region limit (recorded in the plan when not the default, so the plan
      loads back), and `planner_options` any further `planner.make_plan` keywords
      (`timeout_s`, `templates_dir`, ...).
    - `critic`: check the plan against the prompt (any plan, also a ready one); LLM planners send
      disagreements back for repair. What still disagrees is in `result.findings`.
    - `settings`: any render setting by name (seed, steps, guidance, base_ratio, inject_steps,
      double_interval, single_interval, max_sequence_length, regional_tokens, base_copy,
      attention; see `renderer.settings.KNOBS`). Given values > the plan's `render` object >
      the model's own defaults > the defaults. None means "not given"; an unknown name is a
      TypeError, a bad value a SettingsError, refused before planning starts.
    - `model`: hub id, local folder or "tiny" (default: the plan's `render.model`, else
      FLUX.1-dev); or pass a loaded `pipe`. A model given here is recorded in plan.json.
    - `out`: a folder; plan.json and layout.png are written there before any model loads,
      then image.png and overlay.png. `plan_only=True` stops after the plan and layout. The
      run holds the folder (a second run into it meanwhile is refused) and first removes an
      earlier run's files there (see renderer.out_folder).
    - `on_plan(result)` is called once the plan is ready (and saved), before rendering, with the
      result so far: its plan, resolved settings and critic findings (no image yet).
    - `loras`, `controlnet`, `control_image`, `control_mode`, `control_scale`, `device`,
      `dtype`, `offload`: as for `renderer.render`; checked once, before any model loads.
    - `on_step(done, total)` is called after each denoising step; an exception it raises stops
      the render (plan.json and layout.png are written, image.png is not).

    Settings are resolved once, before loading, with the model's own defaults read from its
    config (FLUX.1-schnell: 4 steps, guidance 0); `result.settings` and image.png hold them.

    Errors: InputError subclasses for bad input (planner.PlanError for plans and masks,
    renderer.settings.SettingsError for settings, ControlInputError, LoraSpecError); the
    planner's own errors for planning failures; renderer.errors.RenderError (and
    ModelUnavailableError) for rendering.
    """
    given = check_given(settings)
    inputs = RenderInputs(
        loras=loras,
        controlnet=controlnet,
        control_image=control_image,
        control_mode=control_mode,
        control_scale=control_scale,
        device=device,
        dtype=dtype,
        offload=offload,
    )
    out_dir = Path(out) if out is not None else None  # created and held by _run_scope
    plan = _made_plan(
        prompt,
        planner=planner,
        llm_model=llm_model,
        width=width,
        height=height,
        max_regions=max_regions,
        raw_response_dir=out_dir,
        critic=critic,
        planner_options=planner_options,
    )
    plan = plan.model_copy(update={"render": _chosen_render(plan, given, model)})
    model_name = _model_name(plan, model, pipe)
    layout = draw_layout(plan)  # also reads mask images: a bad mask fails before any model loads
    if out_dir is not None:
        save_plan_files(out_dir, plan, layout)
    result = _planned_result(
        plan,
        model_name,
        layout,
        inputs,
        pipe=pipe,
        plan_only=plan_only,
        device=device,
        critic=critic,
        max_regions=max_regions,
    )
    resolved = result.settings
    if on_plan is not None:
        on_plan(result)
    if plan_only:
        return result

    result.image = _rendered(
        plan, resolved, inputs, pipe=pipe, model=model_name, progress=progress, on_step=on_step
    )
    result.overlay = draw_overlay(plan, result.image)
    if out_dir is not None:
        save_image_files(out_dir, plan, resolved, model_name, result.image, result.overlay, inputs)
    return result


def _made_plan(
    prompt: str | Plan,
    *,
    planner: str,
    llm_model: str | None,
    width: int | None,
    height: int | None,
    max_regions: int,
    raw_response_dir: Path | None,
    critic: bool,
    planner_options: dict[str, Any] | None,
) -> Plan:
    """The plan to render: a ready Plan resized, or the prompt planned (max_regions recorded when not the default)."""
    if isinstance(prompt, Plan):
        return _resize(prompt, width, height)
    from planner import make_plan

    sizes = {k: v for k, v in (("width", width), ("height", height)) if v is not None}
    plan = make_plan(
        prompt,
        planner=planner,
        llm_model=llm_model,
        max_regions=max_regions,
        raw_response_dir=raw_response_dir,
        critic=critic,
        **sizes,
        **(planner_options or {}),
    )
    if max_regions != MAX_REGIONS:
        plan = plan.model_copy(update={"max_regions": max_regions})
    return plan


def _planned_result(
    plan: Plan,
    model_name: str | None,
    layout: Image.Image,
    inputs: RenderInputs,
    *,
    pipe: Any,
    plan_only: bool,
    device: str | None,
    critic: bool,
    max_regions: int,
) -> PlanAndRenderResult:
    """The result before rendering: the settings resolved with the model's own defaults, and the critic's findings.

    Unless plan-only or given a pipe, the model is checked loadable first: fail fast, before
    reading configs from the hub (no 25 s of retries offline).
    """
    if not plan_only and pipe is None:
        from renderer.pipeline import check_loadable

        check_loadable(model_name, device)
    from renderer.model_defaults import model_defaults_before_loading

    defaults = model_defaults_before_loading(model_name, pipe=pipe, plan_only=plan_only, device=device)
    resolved = resolve_settings(plan, model_defaults=defaults)
    findings = critique(plan, max_regions=plan.max_regions or max_regions) if critic else []
    return PlanAndRenderResult(
        plan=plan, settings=resolved, model=model_name, layout=layout, inputs=inputs, findings=findings
    )


def _rendered(
    plan: Plan,
    resolved: Settings,
    inputs: RenderInputs,
    *,
    pipe: Any,
    model: str | None,
    progress: bool,
    on_step: Callable[[int, int], None] | None,
) -> Image.Image:
    """The plan rendered with the resolved settings and the inputs (loaded now, onto `pipe` or the model's)."""
    from renderer.pipeline import render_prepared

    prepared = inputs.prepare(pipe)
    return render_prepared(
        plan,
        resolved,
        prepared,
        pipe=pipe,
        model=model or DEFAULT_MODEL,
        progress=progress,
        on_step=on_step,
    )
