"""Plans and pixel helpers shared by the render tests (CPU and CUDA)."""

from __future__ import annotations

import numpy as np


def two_halves(right_prompt: str = "a red lamp", **extra) -> dict:
    """A 256 x 256 plan: a green chair in the left half, `right_prompt` in the right half."""
    return {
        "base_prompt": "a cosy room",
        "width": 256,
        "height": 256,
        "regions": [
            {"label": "chair", "prompt": "a green chair", "box": [0.0, 0.0, 0.5, 1.0]},
            {"label": "lamp", "prompt": right_prompt, "box": [0.5, 0.0, 1.0, 1.0]},
        ],
        **extra,
    }


def pixels(image) -> np.ndarray:
    """An image's pixels as signed integers (differences do not wrap around)."""
    return np.asarray(image, dtype=np.int16)
