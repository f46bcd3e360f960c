"""Render settings: every knob once, with its type, bounds, default, help text and model rule.

This module is the one source of truth for render settings. Everything else derives from `KNOBS`:

- `Settings`: a fully resolved set (every knob has a value), what a render runs with;
- `RenderSettings`: the plan's optional `render` object (every knob optional, plus `model`);
- the keyword arguments of `render()` and `plan_and_render()` (unknown names are a TypeError);
- the batch file's per-line settings, and the CLI's rendering flags (see `renderer.cli`), whose
  `--help` text is read from here.

Validation is strict everywhere: whole numbers must be JSON integers (not booleans, floats or
strings), numbers must be finite, booleans must be true/false; a bad value raises
`SettingsError` (an `InputError`, exit code 2) with one line naming the setting, whatever the door.

Precedence when settings are resolved: explicit arguments > the plan's `render` object > the
model's own defaults (`model_rule_defaults`, e.g. FLUX.1-schnell's short schedule) > the defaults.

It lives beside the plan format (the plan's `render` object is made of these knobs) and is light
to import (no torch), so the CLI shows defaults in --help without loading models.
`renderer.settings` re-exports it for the renderer's side.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    create_model,
)

from planner.errors import InputError
from planner.validation_messages import format_validation_error

if TYPE_CHECKING:
    from planner.plan import Plan

DEFAULT_MODEL = "black-forest-labs/FLUX.1-dev"
TINY_MODEL = "tiny"
MAX_MODEL_NAME = 1000  # a hub id or a local folder
# ControlNet strength (diffusers' FLUX ControlNet examples use 0.5-0.7); not a plan setting.
DEFAULT_CONTROL_SCALE = 0.6

SEED_MAX = 2**64 - 1  # torch.Generator.manual_seed takes 64-bit seeds
MAX_STEPS = 1000
MAX_GUIDANCE = 100.0
MAX_T5_TOKENS = 512  # FLUX.1's T5 limit
DEFAULT_REGIONAL_TOKENS = 256
REGIONAL_TOKEN_NAMES = ("own", "padded")
ATTENTION_BACKENDS = ("auto", "sdpa", "flex")


class SettingsError(InputError):
    """A render setting is invalid: the message names the setting and the rule it breaks."""


def _regional_tokens(value: Any) -> Any:
    """A token budget (whole number 1..512) or one of the named budgets; anything else is refused."""
    if value in REGIONAL_TOKEN_NAMES and isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_T5_TOKENS:
        return value
    raise ValueError(
        f"must be a whole number of T5 tokens in 1..{MAX_T5_TOKENS}, or 'own' or 'padded', not {value!r}"
    )


RegionalTokens = Annotated[int | str, BeforeValidator(_regional_tokens)]


@dataclass(frozen=True)
class Knob:
    """One render setting: its type (strict), default, bounds, help text and CLI metavar."""

    type: Any
    default: Any
    help: str
    metavar: str | None = None
    bounds: Mapping[str, Any] | None = None
    advanced: bool = False  # listed under "advanced rendering" in --help

    @property
    def annotated(self) -> Any:
        return Annotated[self.type, Field(**self.bounds)] if self.bounds else self.type


KNOBS: dict[str, Knob] = {
    "seed": Knob(
        StrictInt,
        0,
        "random seed; drives a CPU torch.Generator, so a plan renders the same on any device",
        "N",
        {"ge": 0, "le": SEED_MAX},
    ),
    "steps": Knob(StrictInt, 24, "denoising steps", "N", {"ge": 1, "le": MAX_STEPS}),
    "guidance": Knob(StrictFloat, 3.5, "FLUX guidance scale", "X", {"ge": 0, "le": MAX_GUIDANCE}),
    "base_ratio": Knob(
        StrictFloat,
        0.2,
        "weight of the base prompt in controlled blocks; smaller = stronger regions (0.1-0.3 works)",
        "R",
        {"ge": 0, "le": 1},
    ),
    "inject_steps": Knob(
        StrictInt,
        10,
        "regional control in the first N steps, plain FLUX after (more than steps: every step)",
        "N",
        {"ge": 0, "le": MAX_STEPS},
    ),
    "double_interval": Knob(
        StrictInt, 1, "control every k-th double-stream block (1 = all)", "K", {"ge": 1, "le": MAX_STEPS}
    ),
    "single_interval": Knob(
        StrictInt, 2, "control every k-th single-stream block (1 = all)", "K", {"ge": 1, "le": MAX_STEPS}
    ),
    "max_sequence_length": Knob(
        StrictInt | None,
        None,
        f"T5 tokens for the base prompt (default: {MAX_T5_TOKENS}, or the tokenizer's limit)",
        "N",
        {"ge": 1, "le": MAX_T5_TOKENS},
        advanced=True,
    ),
    "regional_tokens": Knob(
        RegionalTokens,
        DEFAULT_REGIONAL_TOKENS,
        "T5 tokens per regional prompt: N pads each to N (longer ones keep their length, up to the "
        "base length); 'padded': the base length (the authors' way); 'own': its bare length",
        "N|own|padded",
        advanced=True,
    ),
    "base_copy": Knob(
        StrictBool,
        False,
        "single blocks carry the base stream's own copy of the image (the authors' way)",
        advanced=True,
    ),
    "attention": Knob(
        Literal["auto", "sdpa", "flex"],
        "auto",
        "attention backend for the mask: sdpa (dense mask), flex (block mask, skips masked tiles), "
        "auto (sdpa; flex is faster on an H200 but its compile time is not measured yet)",
        advanced=True,
    ),
}
SETTING_NAMES = tuple(KNOBS)

_CONFIG = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class _SettingsBase(BaseModel):
    model_config = _CONFIG

    @property
    def control_steps(self) -> int:
        """Number of steps with regional control (inject_steps clamped to steps)."""
        return min(self.inject_steps, self.steps)

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()


Settings = create_model(
    "Settings",
    __base__=_SettingsBase,
    __doc__="Every knob of a render, resolved. Defaults follow the authors' demos (24 steps, "
    "control in the first 10); see KNOBS for each knob's meaning and bounds.",
    **{name: (knob.annotated, Field(knob.default, description=knob.help)) for name, knob in KNOBS.items()},
)


class _RenderBase(BaseModel):
    model_config = _CONFIG

    def given(self) -> dict[str, Any]:
        """The settings that are set, as a dict (without `model`)."""
        return {k: v for k, v in self.model_dump(exclude_none=True).items() if k != "model"}


RenderSettings = create_model(
    "RenderSettings",
    __base__=_RenderBase,
    __doc__="A plan's optional `render` object: any knob of `Settings`, and the model chosen at "
    "planning time. Unset fields fall back to the model's defaults and then the plain defaults.",
    model=(
        Annotated[StrictStr, Field(min_length=1, max_length=MAX_MODEL_NAME)] | None,
        Field(None, description="hub id, local folder or 'tiny'"),
    ),
    **{name: (knob.annotated | None, Field(None, description=knob.help)) for name, knob in KNOBS.items()},
)

DEFAULTS = Settings()


def check_given(values: Mapping[str, Any], *, where: str = "invalid setting") -> dict[str, Any]:
    """The non-None settings among `values`, validated; SettingsError (one line) when one is bad.

    Unknown names raise TypeError, as an unknown keyword argument does.
    """
    unknown = set(values) - set(SETTING_NAMES)
    if unknown:
        raise TypeError(f"unknown render setting(s): {', '.join(sorted(unknown))}")
    given = {k: v for k, v in values.items() if v is not None}
    try:
        return RenderSettings(**given).given()
    except ValidationError as exc:
        raise SettingsError(format_validation_error(exc, where)) from None


# ------------------------------------------------------------------ the model-dependent default rule
DISTILLED_STEPS = 4
DISTILLED_GUIDANCE = 0.0
DISTILLED_SEQUENCE_LENGTH = 256


def model_rule_defaults(guidance_embeds: bool, t5_limit: int | None = None) -> dict[str, Any]:
    """The defaults a FLUX transformer needs besides the plain ones.

    A transformer without a guidance embedding is timestep-distilled like FLUX.1-schnell: it gets
    4 steps, guidance 0 (ignored by such a model, recorded as 0), 256 T5 tokens (capped by the
    tokenizer) and regional control over the same share of the schedule as the defaults give dev
    (10 of 24 steps -> 2 of 4) unless inject_steps is given (see `resolve_settings`).
    Guidance-distilled models (FLUX.1-dev and its fine-tunes) get {}: the plain defaults fit them.
    """
    if guidance_embeds:
        return {}
    length = DISTILLED_SEQUENCE_LENGTH if not t5_limit else min(DISTILLED_SEQUENCE_LENGTH, int(t5_limit))
    return {
        "steps": DISTILLED_STEPS,
        "guidance": DISTILLED_GUIDANCE,
        "max_sequence_length": length,
        INJECT_FRACTION: DEFAULTS.inject_steps / DEFAULTS.steps,
    }


# A model-defaults key (besides setting names): inject_steps = max(1, round(fraction * steps)) unless
# inject_steps is given, so the control window follows a short schedule (schnell: 4 steps -> 2).
INJECT_FRACTION = "inject_fraction"


def resolve_settings(
    plan: Plan | None = None, *, model_defaults: Mapping[str, Any] | None = None, **explicit: Any
) -> Settings:
    """Settings for a render: explicit (non-None) values > the plan's `render` object > model defaults > DEFAULTS.

    `model_defaults` are what suits the loaded model (`model_rule_defaults`), keyed by setting
    name, plus optionally INJECT_FRACTION to scale inject_steps with the resolved number of steps.
    """
    given = check_given(explicit)
    model_values = dict(model_defaults or {})
    fraction = model_values.pop(INJECT_FRACTION, None)
    unknown = set(model_values) - set(SETTING_NAMES)
    if unknown:
        raise TypeError(f"unknown model default(s): {', '.join(sorted(unknown))}")
    chosen = plan.render.given() if plan is not None and plan.render is not None else {}
    chosen.update(given)
    values = {**model_values, **chosen}
    if fraction is not None and "inject_steps" not in chosen:
        steps = values.get("steps", DEFAULTS.steps)
        values["inject_steps"] = max(1, math.floor(fraction * steps + 0.5))
    try:
        return Settings(**{**DEFAULTS.as_dict(), **values})
    except ValidationError as exc:
        raise SettingsError(format_validation_error(exc, "invalid setting")) from None
