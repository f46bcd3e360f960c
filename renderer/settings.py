"""The renderer's view of the render settings; they are defined once, in `planner.settings`."""

from planner.settings import (
    ATTENTION_BACKENDS,
    DEFAULT_CONTROL_SCALE,
    DEFAULT_MODEL,
    DEFAULT_REGIONAL_TOKENS,
    DEFAULTS,
    INJECT_FRACTION,
    KNOBS,
    REGIONAL_TOKEN_NAMES,
    SETTING_NAMES,
    TINY_MODEL,
    RenderSettings,
    Settings,
    SettingsError,
    check_given,
    model_rule_defaults,
    resolve_settings,
)

__all__ = [
    "ATTENTION_BACKENDS",
    "DEFAULTS",
    "DEFAULT_CONTROL_SCALE",
    "DEFAULT_MODEL",
    "DEFAULT_REGIONAL_TOKENS",
    "INJECT_FRACTION",
    "KNOBS",
    "REGIONAL_TOKEN_NAMES",
    "SETTING_NAMES",
    "TINY_MODEL",
    "RenderSettings",
    "Settings",
    "SettingsError",
    "check_given",
    "model_rule_defaults",
    "resolve_settings",
]
