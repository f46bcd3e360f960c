"""Regional control on a stock FluxTransformer2DModel, for the duration of one pipeline call.

`RegionalAttention` is a context manager: on entry it installs one RegionalFluxAttnProcessor per
block (masked in the blocks the intervals select) and two forward pre-hooks; on exit it restores
the original processors and removes the hooks, so nothing outlives the call.

- The transformer hook counts the positive passes (one per denoising step). During the first
  `control_steps` of them it extends the text with the regional prompts' embeddings, gives the
  extra text tokens FLUX's text position ids (zeros), and hands the processors a RegionalContext
  through `joint_attention_kwargs`. Calls that do not carry our base embeddings (a true-CFG
  negative pass, for instance) and every later step pass through untouched: plain FLUX.
- The first single block's hook appends the base stream's own copy of the image to the text part
  of the sequence when `base_copy` is on (the authors' structure).

The mask is built once, on the first controlled call, on the model's device, from the token
grid of the actual latent (its image ids), in its final form (a bool tensor for SDPA or a
FlexAttention BlockMask); nothing is rebuilt or copied per block or per step.

With the BlockMask ("flex"), the controlled calls also reorder the image tokens so that tokens
with the same regions sit next to each other (a stable sort by bit set), and restore the order
of the output. FLUX is equivariant to a reordering of its image tokens when their position ids
move with them (every layer but attention is per token, and attention does not care about
order), so the result is the same up to float rounding, while the mask's 128 x 128 tiles become
either full or empty: a left/right split in raster order has no empty tile at all, sorted it
skips about half of them, and 16 regions skip about 15/16.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from renderer.attention import RegionalContext, RegionalFluxAttnProcessor
from renderer.attention_mask import block_mask, dense_mask, token_region_bits
from renderer.masks import TokenGrid, background_token_mask


def block_processors(transformer, double_interval: int, single_interval: int) -> dict[str, Any]:
    """One processor per block; block i of a stack is masked when i % interval == 0."""
    processors = {}
    for name in transformer.attn_processors:
        stack, index = name.split(".")[:2]
        interval = single_interval if stack == "single_transformer_blocks" else double_interval
        processors[name] = RegionalFluxAttnProcessor(masked=int(index) % interval == 0)
    return processors


class RegionalAttention:
    """Installs regional attention on `transformer` inside a `with` block.

    Args:
        transformer: a diffusers FluxTransformer2DModel (weights untouched).
        base_embeds: the exact T5 embedding tensor passed to the pipeline as `prompt_embeds`;
            calls carrying it are the positive passes.
        regional_embeds: (1, L, D) T5 embeddings of the regional prompts, concatenated, with the
            background prompt's run last.
        text_lengths: tokens of each run in `regional_embeds` (regions, then background).
        region_masks: grid -> (N, P) bool token masks of the N plan regions.
        control_steps: number of denoising steps with regional control.
        base_ratio, base_copy, double_interval, single_interval, attention: see Settings.
    """

    def __init__(
        self,
        transformer,
        *,
        base_embeds: torch.Tensor,
        regional_embeds: torch.Tensor,
        text_lengths: list[int],
        region_masks: Callable[[TokenGrid], torch.Tensor],
        control_steps: int,
        base_ratio: float,
        base_copy: bool,
        double_interval: int,
        single_interval: int,
        attention: str = "sdpa",
    ) -> None:
        self.transformer = transformer
        self.base_embeds = base_embeds
        self.regional_embeds = regional_embeds
        self.text_lengths = list(text_lengths)
        self.region_masks = region_masks
        self.control_steps = control_steps
        self.base_ratio = base_ratio
        self.base_copy = base_copy
        self.intervals = (double_interval, single_interval)
        self.attention = attention
        self.step = 0
        self._context: RegionalContext | None = None
        self._text: tuple[torch.Tensor, torch.Tensor] | None = None
        self._order: torch.Tensor | None = None  # image token order during controlled calls
        self._inverse: torch.Tensor | None = None  # and back
        self._restore: torch.Tensor | None = None  # the inverse, while a reordered call runs
        self._saved_processors: dict[str, Any] | None = None
        self._handles: list[Any] = []

    # ------------------------------------------------------------------ install
    def __enter__(self) -> RegionalAttention:
        self._saved_processors = dict(self.transformer.attn_processors)
        self.transformer.set_attn_processor(block_processors(self.transformer, *self.intervals))
        self._handles.append(
            self.transformer.register_forward_pre_hook(self._transformer_hook, with_kwargs=True)
        )
        self._handles.append(self.transformer.register_forward_hook(self._output_hook))
        if self.base_copy and len(self.transformer.single_transformer_blocks):
            first_single = self.transformer.single_transformer_blocks[0]
            self._handles.append(first_single.register_forward_pre_hook(self._copy_hook, with_kwargs=True))
        return self

    def __exit__(self, *exc_info) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles.clear()
        if self._saved_processors is not None:
            self.transformer.set_attn_processor(self._saved_processors)
        self._saved_processors = None
        self._context = None
        self._text = None
        self._order = self._inverse = self._restore = None

    # -------------------------------------------------------------------- hooks
    def _transformer_hook(self, module, args, kwargs):
        self._restore = None
        if kwargs.get("encoder_hidden_states") is not self.base_embeds:
            return None  # not our positive pass
        step, self.step = self.step, self.step + 1
        if step >= self.control_steps:
            return None  # plain FLUX from here on
        hidden_states = kwargs["hidden_states"]
        if self._context is None:
            self._prepare(kwargs["img_ids"], hidden_states)
        text, text_ids = self._text
        attention_kwargs = dict(kwargs.get("joint_attention_kwargs") or {})
        attention_kwargs["regional"] = self._context
        kwargs = dict(
            kwargs, encoder_hidden_states=text, txt_ids=text_ids, joint_attention_kwargs=attention_kwargs
        )
        if self._order is not None:
            kwargs["hidden_states"] = hidden_states.index_select(1, self._order)
            kwargs["img_ids"] = kwargs["img_ids"].index_select(-2, self._order)
            for name in ("controlnet_block_samples", "controlnet_single_block_samples"):
                if kwargs.get(name) is not None:  # ControlNet residuals are per image token too
                    kwargs[name] = [sample.index_select(1, self._order) for sample in kwargs[name]]
            self._restore = self._inverse
        return args, kwargs

    def _output_hook(self, module, args, output):
        """Undo the image token reordering of a controlled call (flex only)."""
        if self._restore is None:
            return None
        restore, self._restore = self._restore, None
        if isinstance(output, tuple):
            return (output[0].index_select(1, restore), *output[1:])
        output.sample = output.sample.index_select(1, restore)
        return output

    def _copy_hook(self, module, args, kwargs):
        if "regional" not in (kwargs.get("joint_attention_kwargs") or {}):
            return None
        text = torch.cat([kwargs["encoder_hidden_states"], kwargs["hidden_states"]], dim=1)
        return args, dict(kwargs, encoder_hidden_states=text)

    # --------------------------------------------------------------- the mask
    def _prepare(self, img_ids: torch.Tensor, hidden_states: torch.Tensor) -> None:
        """Token masks, the attention mask and the extended text: once per call, on the device."""
        grid = TokenGrid.from_image_ids(img_ids)
        if grid.size != hidden_states.shape[1]:
            raise RuntimeError(
                f"latent has {hidden_states.shape[1]} image tokens but its ids describe a "
                f"{grid.rows}x{grid.cols} grid"
            )
        device = hidden_states.device
        memberships = self.region_masks(grid).to(device)
        lengths = self.text_lengths[: memberships.shape[0]]
        background = background_token_mask(memberships)
        if background.any():
            memberships = torch.cat([memberships, background[None]])
            lengths = self.text_lengths[: memberships.shape[0]]
        regional_len = sum(lengths)
        bits = token_region_bits(memberships, lengths)
        if self.attention == "flex":
            self._order = torch.argsort(bits[regional_len:], stable=True)
            self._inverse = torch.argsort(self._order)
            bits = torch.cat([bits[:regional_len], bits[regional_len:][self._order]])
            mask = block_mask(bits)
        else:
            mask = dense_mask(bits)
        base = self.base_embeds
        text = torch.cat([base, self.regional_embeds[:, :regional_len].to(device, base.dtype)], dim=1)
        text_ids = base.new_zeros(text.shape[1], 3)
        self._text = (text, text_ids)
        self._context = RegionalContext(
            base_len=base.shape[1],
            regional_len=regional_len,
            image_len=grid.size,
            base_ratio=self.base_ratio,
            base_copy=self.base_copy,
            mask=mask,
        )
