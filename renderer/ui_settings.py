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
from dataclasses import dataclass
from typing import Any

from pydantic import StrictBool, StrictFloat, StrictInt

from planner.settings import MAX_T5_TOKENS
from renderer.settings import KNOBS, REGIONAL_TOKEN_NAMES, check_given


@dataclass(frozen=True)
class SettingField:
    """One render setting as a form field.

    `kind` is "int", "float", "choice" (a closed list in `choices`, booleans included) or
    "number or name" (a whole number, or one of `choices`);
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
        if self.low is not None and self.high is not None and self.high < 1e9:
            parts.append(f"{self.low:g}..{self.high:g}")
        elif self.low is not None:
            parts.append(f">= {self.low:g}")
        shown = "auto" if self.default is None else self.default
        parts.append(f"empty = default ({shown})")
        return "; ".join(parts)


def setting_fields() -> list[SettingField]:
    """Every render setting, in the settings model's order (`KNOBS`), as a form field."""
    out = []
    for name, knob in KNOBS.items():
        bounds = knob.bounds or {}
        choices: tuple[Any, ...] = ()
        if knob.type is StrictBool:
            kind, choices = "choice", (True, False)
        elif typing.get_origin(knob.type) is typing.Literal:
            kind, choices = "choice", typing.get_args(knob.type)
        elif knob.type is StrictFloat:
            kind = "float"
        elif knob.type in (StrictInt, StrictInt | None):
            kind = "int"
        else:  # the one knob that takes a whole number or a name: regional_tokens
            kind, choices = "number or name", REGIONAL_TOKEN_NAMES
            bounds = {"ge": 1, "le": MAX_T5_TOKENS}
        out.append(
            SettingField(
                name=name,
                kind=kind,
                default=knob.default,
                help=knob.help,
                low=bounds.get("ge"),
                high=bounds.get("le"),
                choices=choices,
            )
        )
    return out


def check_settings(values: dict[str, Any]) -> dict[str, Any]:
    """The settings the user chose (empty fields dropped), validated by the settings model as the
    CLI's flags are; SettingsError (an InputError) with its one-line message when one is bad."""
    return check_given({name: value for name, value in values.items() if value is not None})
