"""The browser editor's renders: one model for the page's life, one render at a time, each saved to its folder.

Every render (and every saved plan) goes to a new folder under the output folder, written by
`plan_and_render` exactly as the CLI writes its files (plan first, atomic writes, the plan and
settings inside image.png), so nothing made in the browser is lost when the tab closes. A render
can be cancelled between denoising steps: image.png and overlay.png are then never written.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.plan import Plan
from renderer.batch import slug
from renderer.errors import RenderError
from renderer.workflow import PlanAndRenderResult, plan_and_render

_RUN = re.compile(r"^(\d{4,})-")


class RenderCancelled(RenderError):
    """The user cancelled the render; no image was written."""


def next_run_dir(out: Path, plan: Plan) -> Path:
    """A new folder under `out`: the next free number, then the first words of the plan's prompt."""
    numbers = [int(m.group(1)) for p in out.glob("*") if (m := _RUN.match(p.name))] if out.is_dir() else []
    number = max(numbers, default=0) + 1
    return out / f"{number:04d}-{slug(plan.prompt or plan.base_prompt)}"


@dataclass
class Renderer:
    """Renders plans with the model chosen at start, loading it on the first render.

    `device`, `dtype` and `offload` are passed to `load_pipeline` as the CLI passes them; a
    pipeline loaded already (your own loading, quantization, LoRAs) can be given as `pipe`.
    """

    model: str
    out: Path
    device: str | None = None
    dtype: str | None = None
    offload: str | None = None
    pipe: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _cancel: threading.Event = field(default_factory=threading.Event)

    def save_plan(self, plan: Plan, settings: dict[str, Any]) -> Path:
        """Write plan.json and layout.png (with the chosen settings) to a new folder; returns the folder."""
        with self._lock:
            folder = next_run_dir(self.out, plan)
            plan_and_render(plan, out=folder, plan_only=True, model=self.model, **settings)
            return folder

    def render(
        self, plan: Plan, settings: dict[str, Any], on_step: Callable[[int, int], None] | None = None
    ) -> tuple[PlanAndRenderResult, Path]:
        """Render `plan` into a new folder; returns the result and the folder.

        Raises RenderCancelled when `cancel()` was called during the render.
        """
        with self._lock:
            self._cancel.clear()
            if self.pipe is None:
                from renderer.pipeline import load_pipeline

                self.pipe = load_pipeline(
                    self.model, device=self.device, dtype=self.dtype, offload=self.offload
                )

            def step(done: int, total: int) -> None:
                if self._cancel.is_set():
                    raise RenderCancelled("render cancelled: no image was written")
                if on_step is not None:
                    on_step(done, total)

            folder = next_run_dir(self.out, plan)
            result = plan_and_render(
                plan,
                out=folder,
                model=self.model,
                pipe=self.pipe,
                progress=False,
                on_step=step,
                device=self.device,
                dtype=self.dtype,
                offload=self.offload,
                **settings,
            )
            return result, folder

    def cancel(self) -> None:
        """Ask the running render to stop after its current step."""
        self._cancel.set()
