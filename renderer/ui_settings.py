"""The browser editor's view of the render settings: one form field per setting, read from the settings model.

The page builds its settings form from `setting_fields()` and checks what the user typed with
`check_settings()`, so the form cannot drift from the settings the CLI and the library use:
same names, defaults, bounds and one-line errors. These two functions are the only place that
knows how `renderer.settings` describes a setting.

A field left empty means "not chosen": the plan's own settings, then the model's defaults, then
the plain defaults apply, exactly as for a flag left off the command line.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from typing import Any

from planner.plan import PlanError, RenderSettings, format_validation_error
from renderer.settings import ATTENTION_BACKENDS, DEFAULTS, REGIONAL_TOKENS, Settings, resolve_settings

# Help for each setting, as the CLI's --help and the Settings docstring say it.
_HELP = {
    "seed": "random seed: the same plan, settings and seed give the same image",
    "steps": "denoising steps",
    "guidance": "FLUX guidance scale",
    "base_ratio": "weight of the base prompt in controlled blocks; smaller = stronger regions",
    "inject_steps": "regional control in the first N steps, plain FLUX after",
    "double_interval": "control every k-th double-stream block",
    "single_interval": "control every k-th single-stream block",
    "max_sequence_length": "T5 tokens for the base prompt (empty: 512, or the tokenizer's limit)",
    "regional_tokens": "padded: each regional prompt at the base length (authors); own: its own length",
    "base_copy": "single blocks carry the base stream's own copy of the image",
    "attention": "attention backend for the mask",
}
_CHOICES = {"regional_tokens": REGIONAL_TOKENS, "attention": ATTENTION_BACKENDS, "base_copy": (True, False)}
# Bounds Settings checks in code rather than declares (see Settings.__post_init__).
_LOWER = {"seed": 0, "steps": 1, "guidance": 0, "base_ratio": 0, "inject_steps": 0}
_LOWER |= {"double_interval": 1, "single_interval": 1, "max_sequence_length": 1}
_UPPER = {"base_ratio": 1, "max_sequence_length": 512}


@dataclass(frozen=True)
class SettingField:
    """One render setting as a form field.

    `kind` is "int", "float" or "choice" (a closed list in `choices`, booleans included);
    `low`/`high` are inclusive bounds (None: unbounded); `default` is what applies when the
    field is left empty (before any model-specific default).
    """

    name: str
    kind: str
    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[Any, ...] = ()

    @property
    def title(self) -> str:
        return self.name.replace("_", " ")

    def describe(self) -> str:
        """The help line shown under the field: meaning, allowed range and default."""
        parts = [self.help]
        if self.low is not None and self.high is not None:
            parts.append(f"{self.low:g}..{self.high:g}")
        elif self.low is not None:
            parts.append(f">= {self.low:g}")
        shown = "auto" if self.default is None else self.default
        parts.append(f"empty = default ({shown})")
        return "; ".join(parts)


def _bound(name: str, which: str, table: dict[str, float]) -> float | None:
    """A bound declared on the plan's RenderSettings field (ge/le), else the one Settings checks."""
    declared = RenderSettings.model_fields.get(name)
    for rule in declared.metadata if declared is not None else ():
        value = getattr(rule, which, None)
        if value is not None:
            return value
    return table.get(name)


def setting_fields() -> list[SettingField]:
    """Every render setting, in the settings model's order, as form fields."""
    hints = typing.get_type_hints(Settings)
    out = []
    for spec in fields(Settings):
        name = spec.name
        if name in _CHOICES:
            kind = "choice"
        else:
            kind = "float" if float in typing.get_args(hints[name]) or hints[name] is float else "int"
        out.append(
            SettingField(
                name=name,
                kind=kind,
                default=getattr(DEFAULTS, name),
                help=_HELP[name],
                low=_bound(name, "ge", _LOWER),
                high=_bound(name, "le", _UPPER),
                choices=tuple(_CHOICES.get(name, ())),
            )
        )
    return out


def check_settings(values: dict[str, Any]) -> dict[str, Any]:
    """The settings the user chose (empty fields dropped), validated as the CLI validates them.

    Raises PlanError with the settings model's one-line message ("invalid setting: ...").
    """
    given = {name: value for name, value in values.items() if value is not None}
    plan_keys = {k: v for k, v in given.items() if k in RenderSettings.model_fields}
    try:
        RenderSettings(**plan_keys)
    except ValueError as exc:  # pydantic's ValidationError
        raise PlanError(format_validation_error(exc, prefix="invalid setting")) from None
    resolve_settings(None, **given)
    return given
