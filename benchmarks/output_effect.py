"""What the cheaper options do to the output, on the tiny random-weight model.

Renders the same plans with plain FLUX (no regions), the faithful structure (regional prompts
padded to the base length, base image copy in the single blocks), the default's token budget
(half the base length, as 256 is of FLUX.1-dev's 512) and the cheaper options, and
prints mean absolute pixel differences (0-255 scale). A random-weight model cannot say whether
an image got better or worse: these numbers only size the change next to the change regional
control itself makes (faithful vs plain). Run: python benchmarks/output_effect.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

from renderer import render  # noqa: E402
from renderer.tiny import build_tiny_pipeline  # noqa: E402

OPTIONS = {
    "padded/copy (faithful)": dict(regional_tokens="padded", base_copy=True),
    "own/copy": dict(regional_tokens="own", base_copy=True),
    "padded/nocopy": dict(regional_tokens="padded", base_copy=False),
    # the tiny model's T5 length is 64: a budget of 32 is what 256 is to FLUX.1-dev's 512
    "32 (default's share)/nocopy": dict(regional_tokens=32, base_copy=False),
    "own/nocopy": dict(regional_tokens="own", base_copy=False),
}


def plans() -> dict[str, dict]:
    halves = [
        {"label": "chair", "prompt": "a green velvet armchair", "box": [0.0, 0.0, 0.5, 1.0]},
        {"label": "lamp", "prompt": "a tall brass floor lamp", "box": [0.5, 0.0, 1.0, 1.0]},
    ]
    quads = [
        {
            "label": f"thing {i}",
            "prompt": p,
            "box": [(i % 2) / 2, (i // 2) / 2, (i % 2 + 1) / 2, (i // 2 + 1) / 2],
        }
        for i, p in enumerate(["a red apple", "a blue teapot", "a sleeping cat", "a stack of old books"])
    ]
    boxes = [
        {"label": "bird", "prompt": "a small yellow bird", "box": [0.1, 0.1, 0.4, 0.4]},
        {"label": "boat", "prompt": "a white sailing boat", "box": [0.5, 0.5, 0.9, 0.9]},
    ]
    return {
        "two halves": {"base_prompt": "a cosy room at dusk", "regions": halves},
        "2x2 grid": {"base_prompt": "a still life on a table", "regions": quads},
        "two boxes + background": {"base_prompt": "a harbour in the morning", "regions": boxes},
    }


def pixels(image) -> np.ndarray:
    return np.asarray(image, dtype=np.float64)


def main() -> str:
    pipe = build_tiny_pipeline()
    common = dict(pipe=pipe, steps=8, inject_steps=4, progress=False)
    lines = [
        "| plan | option | vs faithful: mean abs px | vs faithful: pixels changed | vs plain FLUX: mean abs px |",
        "|---|---|---:|---:|---:|",
    ]
    for name, plan in plans().items():
        plan = dict(plan, width=256, height=256)
        plain = pixels(
            render(plan, inject_steps=0, **{k: v for k, v in common.items() if k != "inject_steps"})
        )
        images = {option: pixels(render(plan, **common, **settings)) for option, settings in OPTIONS.items()}
        faithful = images["padded/copy (faithful)"]
        for option, image in images.items():
            changed = (image != faithful).any(axis=-1).mean()
            lines.append(
                f"| {name} | {option} | {np.abs(image - faithful).mean():.2f} | {changed:.1%} "
                f"| {np.abs(image - plain).mean():.2f} |"
            )
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
