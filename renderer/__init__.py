"""Plan in, image out: token masks, region-aware attention on a stock FLUX transformer, pipeline glue.

Heavy modules (torch, diffusers) load on first use, so `import renderer` and the settings stay light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renderer.settings import DEFAULT_MODEL, DEFAULTS, Settings, resolve_settings

if TYPE_CHECKING:
    from renderer.pipeline import load_pipeline, render
    from renderer.workflow import PlanAndRenderResult, plan_and_render

__all__ = [
    "DEFAULTS",
    "DEFAULT_MODEL",
    "PlanAndRenderResult",
    "Settings",
    "load_pipeline",
    "plan_and_render",
    "render",
    "resolve_settings",
]

_LAZY = {
    "render": "renderer.pipeline",
    "load_pipeline": "renderer.pipeline",
    "plan_and_render": "renderer.workflow",
    "PlanAndRenderResult": "renderer.workflow",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'renderer' has no attribute {name!r}")
