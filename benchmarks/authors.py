"""The authors' cost structure outside their control steps, re-created for the benchmark only.

Their code carries a second full sequence (the base stream: base text + its own copy of the
image) through all 38 single blocks on every step, including the steps after the inject steps,
and blends only its image part into the main stream. Here that duplicate rides as a second batch
row through the single blocks, which costs the same work (every single block runs on two
[text ; image] sequences); the blend itself (one lerp per block) is negligible and left out.
This lives in benchmarks/, never in the product.
"""

from __future__ import annotations

from typing import Any

import torch


class DuplicateBaseStream:
    """Inside `with`, every single block of `transformer` runs on [main ; duplicate] (batch 2)."""

    def __init__(self, transformer) -> None:
        self.blocks = list(transformer.single_transformer_blocks)
        self._handles: list[Any] = []

    def __enter__(self) -> DuplicateBaseStream:
        for index, block in enumerate(self.blocks):
            self._handles.append(block.register_forward_pre_hook(self._widen, with_kwargs=True))
            if index == len(self.blocks) - 1:
                self._handles.append(block.register_forward_hook(self._narrow))
        return self

    def __exit__(self, *exc_info) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles.clear()

    @staticmethod
    def _widen(module, args, kwargs):
        def two(tensor: torch.Tensor) -> torch.Tensor:
            return tensor if tensor.shape[0] == 2 else torch.cat([tensor, tensor])

        names = ("hidden_states", "encoder_hidden_states", "temb")
        return args, dict(kwargs, **{name: two(kwargs[name]) for name in names})

    @staticmethod
    def _narrow(module, args, output):
        return tuple(tensor[:1] for tensor in output)
