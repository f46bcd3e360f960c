"""Plan in, image out: the glue between a plan, a diffusers FluxPipeline and regional attention.

Example:
    >>> from planner import validate_plan
    >>> from renderer import render
    >>> plan = validate_plan({
    ...     "base_prompt": "a cosy reading corner at dusk, warm light",
    ...     "width": 256, "height": 256,
    ...     "regions": [{"label": "armchair", "prompt": "a green velvet armchair",
    ...                  "box": [0.05, 0.35, 0.55, 0.95]}],
    ... })
    >>> image = render(plan, model="tiny", steps=4)   # real FLUX.1-dev: drop model="tiny" on a GPU
    >>> image.size
    (256, 256)

The same code runs the tiny random model and FLUX.1-dev; only the weights and device differ.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import torch
from PIL import Image

from planner.errors import InputError
from planner.plan import Plan, PlanError, load_plan, validate_plan
from renderer.controlnet import control_call_kwargs, controlnet_pipeline
from renderer.errors import ModelUnavailableError, RenderError
from renderer.inputs import OFFLOAD_MODES, PreparedInputs, RenderInputs
from renderer.lora import apply_loras
from renderer.masks import load_plan_masks, region_token_masks
from renderer.model_defaults import model_defaults_before_loading
from renderer.model_source import check_model_source
from renderer.quiet import quietly
from renderer.regional import RegionalAttention
from renderer.settings import (
    DEFAULT_MODEL,
    TINY_MODEL,
    Settings,
    SettingsError,
    check_given,
    resolve_settings,
)

_DTYPES = {
    "bfloat16": torch.bfloat16,
    "bf16": torch.bfloat16,
    "float16": torch.float16,
    "fp16": torch.float16,
    "half": torch.float16,
    "float32": torch.float32,
    "fp32": torch.float32,
    "float": torch.float32,
}


def parse_dtype(dtype: str | torch.dtype | None) -> torch.dtype | None:
    """A torch dtype from a name such as 'bfloat16' or 'fp16' (None stays None)."""
    if dtype is None or isinstance(dtype, torch.dtype):
        return dtype
    try:
        return _DTYPES[str(dtype).lower()]
    except KeyError:
        raise SettingsError(f"unknown dtype {dtype!r}: use one of {', '.join(sorted(_DTYPES))}") from None


@quietly
def load_pipeline(
    model: str = DEFAULT_MODEL,
    *,
    device: str | torch.device | None = None,
    dtype: str | torch.dtype | None = None,
    offload: str | None = None,
):
    """Load a FluxPipeline: "tiny" (random weights, built in code), a hub id or a local folder.

    Real weights need a CUDA device unless `device` is given explicitly; there is never a silent
    fallback to random weights. `offload` is "model" or "sequential" (diffusers' CPU offload).
    """
    torch_dtype = parse_dtype(dtype)
    if offload is not None and offload not in OFFLOAD_MODES:
        raise SettingsError(f"unknown offload mode {offload!r}: use one of {', '.join(OFFLOAD_MODES)}")
    check_loadable(model, device)
    return _load_checked(model, device=device, torch_dtype=torch_dtype, offload=offload)


def _load_checked(model: str, *, device, torch_dtype: torch.dtype | None, offload: str | None):
    """`load_pipeline` once `check_loadable` has passed: render() and plan_and_render() check
    before they read the model's config, so the load does not repeat the (hub) check."""
    if model == TINY_MODEL:
        from renderer.tiny import build_tiny_pipeline

        return build_tiny_pipeline(torch_dtype or torch.float32).to(device or "cpu")
    device = torch.device(device or "cuda")
    from diffusers import FluxPipeline

    try:
        pipe = FluxPipeline.from_pretrained(model, torch_dtype=torch_dtype or torch.bfloat16)
    except (OSError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelUnavailableError(f"cannot load model {model!r}: {reason}") from exc
    if offload == "model":
        pipe.enable_model_cpu_offload(device=device)
    elif offload == "sequential":
        pipe.enable_sequential_cpu_offload(device=device)
    else:
        pipe.to(device)
    return pipe


def check_loadable(model: str, device: str | torch.device | None = None) -> None:
    """Fail in one line, at once, when `model` cannot be loaded here: a bad device, a missing folder
    or a typo, no CUDA device for real weights (and none chosen), or a hub id that is not cached
    while offline or that the hub does not know (renderer.model_source)."""
    check_device(device)
    if model == TINY_MODEL:
        return
    if device is None and not torch.cuda.is_available():
        check_model_source(model, ask_hub=False)  # a typo says so, rather than "needs a CUDA GPU"
        raise ModelUnavailableError(
            f"{model} needs a CUDA GPU and none was found: use --model tiny for a CPU smoke run, "
            "or --plan-only to write the plan without rendering"
        )
    check_model_source(model)


def check_device(device: str | torch.device | None) -> None:
    """InputError for text that is not a torch device; ModelUnavailableError for a device this
    machine does not have (checked before anything loads)."""
    if device is None or isinstance(device, torch.device):
        return
    try:
        parsed = torch.device(device)
    except (RuntimeError, TypeError, ValueError):
        raise InputError(f"device {device!r} is not a torch device: use cuda, cuda:N, cpu or mps") from None
    if parsed.type == "cuda" and not torch.cuda.is_available():
        raise ModelUnavailableError(
            f"device {device!r}: this machine has no CUDA device: use --device cpu (slow) or --model tiny"
        )
    if parsed.type == "cuda" and parsed.index is not None and parsed.index >= torch.cuda.device_count():
        raise ModelUnavailableError(
            f"device {device!r}: this machine has {torch.cuda.device_count()} CUDA device(s), numbered from 0"
        )


def default_sequence_length(pipe) -> int:
    """T5 length for the base prompt: 512, or the tokenizer's limit when it is shorter."""
    limit = getattr(getattr(pipe, "tokenizer_2", None), "model_max_length", 512) or 512
    return int(min(512, limit))


def regional_lengths(own_lengths: Sequence[int], *, base_length: int, budget: int | str) -> list[int]:
    """Each regional prompt's T5 length for a token budget.

    A number N pads each prompt to N tokens (a longer prompt keeps its own length); "padded" is
    the base length (the authors' way); "own" each prompt's bare length. Never more than the base length.
    """
    if budget == "padded":
        return [base_length] * len(own_lengths)
    floor = 0 if budget == "own" else int(budget)
    return [min(base_length, max(floor, own)) for own in own_lengths]


def encode_regional_prompts(
    pipe, prompts: list[str], *, base_length: int, budget: int | str
) -> tuple[torch.Tensor, list[int]]:
    """T5 embeddings of each prompt at its length (`regional_lengths`), concatenated into (1, L, D).

    Prompts of the same length are encoded in one batch; returns the embeddings and the lengths.
    """
    if not prompts:
        raise ValueError("no regional prompts to encode")
    own = [len(pipe.tokenizer_2(prompt).input_ids) for prompt in prompts] if budget != "padded" else []
    lengths = regional_lengths(own or [base_length] * len(prompts), base_length=base_length, budget=budget)
    runs: list[torch.Tensor | None] = [None] * len(prompts)
    for length in sorted(set(lengths)):
        group = [i for i, n in enumerate(lengths) if n == length]
        embeds = pipe.encode_prompt(
            prompt=[prompts[i] for i in group], prompt_2=None, max_sequence_length=length
        )[0]
        for row, i in enumerate(group):
            runs[i] = embeds[row : row + 1]
    return torch.cat(runs, dim=1), lengths


@contextlib.contextmanager
def _progress(pipe, enabled: bool) -> Iterator[None]:
    """Show or hide the pipeline's progress bar for one call, then restore the user's setting."""
    saved = dict(getattr(pipe, "_progress_bar_config", {}))
    pipe.set_progress_bar_config(**{**saved, "disable": not enabled})
    try:
        yield
    finally:
        pipe._progress_bar_config = saved


def _as_plan(plan: Plan | dict[str, Any] | str | os.PathLike[str]) -> Plan:
    if isinstance(plan, Plan):
        return plan
    if isinstance(plan, dict):
        return validate_plan(plan)
    if isinstance(plan, str | os.PathLike):
        path = Path(plan).expanduser()
        if isinstance(plan, str) and not path.exists() and not plan.lower().endswith((".json", ".png")):
            shown = " ".join(plan.split())
            shown = shown if len(shown) <= 60 else shown[:59] + "…"
            raise PlanError(
                f"render() wants a plan (a Plan, a dict, or a plan.json / image.png file), and {shown!r} "
                "is not a file: to plan a prompt and render it, use plan_and_render(prompt, ...)"
            )
        from renderer.metadata import is_png, read_metadata

        return read_metadata(path).plan if is_png(path) else load_plan(path)
    raise PlanError(f"a plan must be a Plan, a dict or a path to a plan file, not {type(plan).__name__}")


@quietly
def render(
    plan: Plan | dict[str, Any] | str | os.PathLike[str],
    *,
    pipe=None,
    model: str | None = None,
    device: str | torch.device | None = None,
    dtype: str | torch.dtype | None = None,
    offload: str | None = None,
    progress: bool = True,
    loras: Sequence[str] | None = None,
    controlnet: Any = None,
    control_image: Any = None,
    control_mode: int | None = None,
    control_scale: float | None = None,
    on_step: Callable[[int, int], None] | None = None,
    **settings: Any,
) -> Image.Image:
    """Render a plan with FLUX and regional attention; returns the image.

    `settings` are any render settings by name (seed, steps, guidance, base_ratio, inject_steps,
    double_interval, single_interval, max_sequence_length, regional_tokens, base_copy, attention;
    see `renderer.settings.KNOBS` for each one's meaning, bounds and default). Settings left out
    or None come from the plan's `render` object, then the model's own defaults, then the defaults.
    An unknown name is a TypeError; a bad value a SettingsError (an InputError).

    Pass `pipe` to use an already-loaded FluxPipeline (your own loading, offload, quantization,
    LoRAs); otherwise `model` is loaded (default: the plan's `render.model`, else FLUX.1-dev;
    "tiny" runs on CPU in seconds). The plan, its masks, the settings and the LoRA/ControlNet
    inputs are checked before any model is loaded. A plan with no regions, or inject_steps 0,
    renders exactly as plain FLUX on the base prompt.

    `plan` is a Plan, a dict, or a plan.json / image.png file, never a prompt: text that is not
    a file is refused with a pointer to `plan_and_render`, which plans a prompt first.

    Settings not given follow the model where it needs other defaults: a transformer without a
    guidance embedding (FLUX.1-schnell) gets 4 steps, guidance 0, 256 T5 tokens and inject steps
    scaled to the schedule (see `renderer.settings.model_rule_defaults`).

    Extras (see renderer.lora and renderer.controlnet): `loras` are `PATH_OR_ID[:SCALE]` specs
    loaded into the pipeline (they stay loaded in a `pipe` you pass); `controlnet` (hub id,
    folder or FluxControlNetModel) with `control_image` (file or PIL image), `control_mode`
    (Union ControlNets) and `control_scale` runs diffusers' FluxControlNetPipeline on the same
    components, with regional control on the FLUX transformer. A FluxControlNetPipeline passed
    as `pipe` needs only `control_image`.

    `on_step(done, total)` is called after each denoising step (a progress bar, for instance);
    an exception it raises stops the render and propagates.
    """
    plan = _as_plan(plan)
    given = check_given(settings)  # bad settings fail here, before any model loads
    inputs = _render_inputs(
        loras=loras,
        controlnet=controlnet,
        control_image=control_image,
        control_mode=control_mode,
        control_scale=control_scale,
        device=device,
        dtype=dtype,
        offload=offload,
    )
    prepared = inputs.prepare(pipe)
    pixel_masks = load_plan_masks(plan)
    model_name = plan_model(plan, model)
    resolved = _resolved_settings(
        plan, given, model_name, pipe=pipe, device=device, checked_device=inputs.device
    )
    return render_prepared(
        plan,
        resolved,
        prepared,
        pipe=pipe,
        model=model_name,
        pixel_masks=pixel_masks,
        progress=progress,
        on_step=on_step,
    )


def _render_inputs(
    *,
    loras: Sequence[str] | None,
    controlnet: Any,
    control_image: Any,
    control_mode: int | None,
    control_scale: float | None,
    device: str | torch.device | None,
    dtype: str | torch.dtype | None,
    offload: str | None,
) -> RenderInputs:
    """`render`'s extras as RenderInputs: any sequence of LoRA specs as a tuple, a torch.device as its name."""
    return RenderInputs(
        loras=tuple(loras) if loras is not None and not isinstance(loras, str) else loras,
        controlnet=controlnet,
        control_image=control_image,
        control_mode=control_mode,
        control_scale=control_scale,
        device=device if device is None or isinstance(device, str) else str(device),
        dtype=dtype,
        offload=offload,
    )


def _resolved_settings(
    plan: Plan,
    given: dict[str, Any],
    model_name: str,
    *,
    pipe,
    device: str | torch.device | None,
    checked_device: str | None,
) -> Settings:
    """Every setting for the run: given > the plan's > the model's own defaults > the defaults.

    Without a `pipe`, the model is checked loadable on `checked_device` first: fail fast, before
    reading configs from the hub.
    """
    if pipe is None:
        check_loadable(model_name, checked_device)
    defaults = model_defaults_before_loading(model_name, pipe=pipe, device=device)
    return resolve_settings(plan, model_defaults=defaults, **given)


def plan_model(plan: Plan, model: str | None) -> str:
    """The model to render with: the one given, else the plan's `render.model`, else FLUX.1-dev."""
    if model is not None:
        return model
    if plan.render is not None and plan.render.model is not None:
        return plan.render.model
    return DEFAULT_MODEL


def render_prepared(
    plan: Plan,
    settings: Settings,
    prepared: PreparedInputs,
    *,
    pipe=None,
    model: str = DEFAULT_MODEL,
    pixel_masks=None,
    progress: bool = True,
    on_step: Callable[[int, int], None] | None = None,
) -> Image.Image:
    """Load the model (unless `pipe`), attach LoRAs and ControlNet, and render with `settings`.

    `settings` are resolved once, before loading, with the model defaults its config gives
    (`renderer.model_defaults.model_defaults_before_loading`), and used as they are.
    """
    inputs = prepared.inputs
    if pipe is None:  # the callers ran check_loadable(model, device) before reading its config
        pipe = _load_checked(model, device=inputs.device, torch_dtype=prepared.dtype, offload=inputs.offload)
    apply_loras(pipe, prepared.loras)
    if inputs.controlnet is not None:
        pipe = controlnet_pipeline(pipe, inputs.controlnet, dtype=prepared.dtype)
    call_kwargs = control_call_kwargs(pipe, prepared.control)
    if on_step is not None:
        call_kwargs["callback_on_step_end"] = _step_callback(on_step)
    return render_with_pipeline(
        pipe, plan, settings, pixel_masks=pixel_masks, progress=progress, call_kwargs=call_kwargs
    )


def _step_callback(on_step: Callable[[int, int], None]):
    """A diffusers `callback_on_step_end` that reports (steps done, total steps) to `on_step`."""

    def callback(pipe, step: int, timestep, callback_kwargs: dict[str, Any]) -> dict[str, Any]:
        on_step(step + 1, pipe.num_timesteps)
        return callback_kwargs

    return callback


@torch.no_grad()
def render_with_pipeline(
    pipe,
    plan: Plan,
    settings: Settings,
    *,
    pixel_masks=None,
    progress: bool = True,
    call_kwargs: dict[str, Any] | None = None,
) -> Image.Image:
    """Render a validated plan with resolved settings on a loaded pipeline.

    `call_kwargs` go to the pipeline call as they are (the ControlNet's image, mode and scale).
    """
    length = settings.max_sequence_length or default_sequence_length(pipe)
    base_embeds, pooled, _ = pipe.encode_prompt(
        prompt=plan.base_prompt, prompt_2=None, max_sequence_length=length
    )
    call = dict(
        prompt_embeds=base_embeds,
        pooled_prompt_embeds=pooled,
        width=plan.width,
        height=plan.height,
        num_inference_steps=settings.steps,
        guidance_scale=settings.guidance,
        generator=torch.Generator("cpu").manual_seed(settings.seed),
        max_sequence_length=length,
        **(call_kwargs or {}),
    )
    regional = contextlib.nullcontext()
    if plan.regions and settings.control_steps > 0:
        prompts = [region.prompt for region in plan.regions] + [plan.background]
        regional_embeds, lengths = encode_regional_prompts(
            pipe, prompts, base_length=length, budget=settings.regional_tokens
        )
        regional = RegionalAttention(
            pipe.transformer,
            base_embeds=base_embeds,
            regional_embeds=regional_embeds,
            text_lengths=lengths,
            region_masks=lambda grid: region_token_masks(plan, grid, pixel_masks),
            control_steps=settings.control_steps,
            base_ratio=settings.base_ratio,
            base_copy=settings.base_copy,
            double_interval=settings.double_interval,
            single_interval=settings.single_interval,
            attention=resolve_attention(settings.attention, pipe),
        )
    try:
        with regional, _progress(pipe, progress):
            image = pipe(**call).images[0]
    except torch.cuda.OutOfMemoryError as exc:
        raise RenderError(
            "out of GPU memory: try --offload model (or sequential), a smaller size, or fewer regions"
        ) from exc
    if isinstance(regional, RegionalAttention) and regional.step == 0:
        # The pipeline never passed our base embeddings to the transformer: refuse to return
        # an image that silently ignored the regions.
        raise RenderError(
            f"{type(pipe).__name__} did not call the transformer with the plan's prompt embeddings"
        )
    return image


def resolve_attention(choice: str, pipe) -> str:
    """The attention backend for the regional mask.

    'auto' is decided by renderer.attention.auto_attention (SDPA with a dense boolean mask until
    compiled FlexAttention is measured faster on a GPU); 'flex' and 'sdpa' are taken as given.
    """
    if choice != "auto":
        return choice
    from renderer.attention import auto_attention

    device = getattr(pipe, "_execution_device", None) or getattr(pipe.transformer, "device", "cpu")
    return auto_attention(device)
