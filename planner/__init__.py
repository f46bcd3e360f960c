"""Prompt in, validated regional plan out. Light to import: no torch, no diffusers."""

from planner.critic import Finding, critique
from planner.errors import InputError, PlannerError, PlanningFailedError, ServiceUnavailableError
from planner.plan import (
    MAX_REGIONS,
    Plan,
    PlanError,
    Region,
    RenderSettings,
    load_plan,
    parse_plan,
    validate_plan,
)

__all__ = [
    "Finding",
    "InputError",
    "MAX_REGIONS",
    "Plan",
    "PlanError",
    "PlannerError",
    "PlanningFailedError",
    "Region",
    "RenderSettings",
    "ServiceUnavailableError",
    "critique",
    "load_plan",
    "make_plan",
    "parse_plan",
    "validate_plan",
]


def __getattr__(name: str):
    if name == "make_plan":
        from planner.make import make_plan

        return make_plan
    raise AttributeError(f"module 'planner' has no attribute {name!r}")
