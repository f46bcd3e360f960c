"""Region-aware attention processors for a stock diffusers FluxTransformer2DModel.

During the controlled steps the text sequence the transformer sees is [base text ; regional
text] (the per-token layers of a block treat the two runs independently, so carrying them as
one sequence is the same as carrying two streams). Each processor then runs two attentions that
share the image tokens' projections:

- base attention over [base text ; image], unmasked;
- regional attention over [regional text ; image], with the regional mask in the blocks the
  intervals select and unmasked in the others;

and blends the image part: out = (1 - base_ratio) * regional + base_ratio * base. Text tokens
keep the output of their own attention. In the single blocks the base attention may use the base
stream's own copy of the image (the authors' structure), which rides in the text part of the
sequence. When a call carries no regional context the processor is exactly diffusers' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from diffusers.models.attention_dispatch import dispatch_attention_fn
from diffusers.models.embeddings import apply_rotary_emb
from diffusers.models.transformers.transformer_flux import FluxAttnProcessor


@dataclass(frozen=True)
class RegionalContext:
    """What the processors need for one call; lives only as long as that call.

    Lengths are in tokens: base text, regional text (all regions, background included), image.
    `mask` covers [regional text ; image]: a (1, 1, S, S) bool tensor or a FlexAttention BlockMask.
    """

    base_len: int
    regional_len: int
    image_len: int
    base_ratio: float
    base_copy: bool
    mask: Any

    @property
    def text_len(self) -> int:
        return self.base_len + self.regional_len


def _project(attn, hidden_states: torch.Tensor, added: bool) -> tuple[torch.Tensor, ...]:
    """Per-head, normalised q, k, v of a run of tokens (image or, with `added`, text projections)."""
    if added:
        if getattr(attn, "fused_projections", False) and hasattr(attn, "to_added_qkv"):
            q, k, v = attn.to_added_qkv(hidden_states).chunk(3, dim=-1)
        else:
            q, k, v = (
                attn.add_q_proj(hidden_states),
                attn.add_k_proj(hidden_states),
                attn.add_v_proj(hidden_states),
            )
        norm_q, norm_k = attn.norm_added_q, attn.norm_added_k
    else:
        if getattr(attn, "fused_projections", False) and hasattr(attn, "to_qkv"):
            q, k, v = attn.to_qkv(hidden_states).chunk(3, dim=-1)
        else:
            q, k, v = attn.to_q(hidden_states), attn.to_k(hidden_states), attn.to_v(hidden_states)
        norm_q, norm_k = attn.norm_q, attn.norm_k
    q, k, v = (t.unflatten(-1, (-1, attn.head_dim)) for t in (q, k, v))
    return norm_q(q), norm_k(k), v


def _rope(q: torch.Tensor, k: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor):
    return apply_rotary_emb(q, (cos, sin), sequence_dim=1), apply_rotary_emb(k, (cos, sin), sequence_dim=1)


def masked_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: Any) -> torch.Tensor:
    """Attention over (B, S, H, D) tensors with a bool mask or a BlockMask (None: unmasked)."""
    q, k, v = (t.transpose(1, 2) for t in (q, k, v))
    if mask is None or isinstance(mask, torch.Tensor):
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    else:
        from torch.nn.attention.flex_attention import flex_attention

        out = flex_attention(q, k, v, block_mask=mask)
    return out.transpose(1, 2)


class RegionalFluxAttnProcessor:
    """Processor for one FLUX block: plain FLUX unless the call carries a RegionalContext.

    `masked` says whether this block applies the regional mask (the block intervals); blocks
    with masked=False still blend base and regional attention, without the mask.
    """

    _attention_backend = None
    _parallel_config = None

    def __init__(self, masked: bool) -> None:
        self.masked = masked
        self.plain = FluxAttnProcessor()

    def __call__(
        self,
        attn,
        hidden_states: torch.Tensor,
        encoder_hidden_states: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        image_rotary_emb: tuple[torch.Tensor, torch.Tensor] | None = None,
        regional: RegionalContext | None = None,
    ):
        if regional is None:
            self.plain._attention_backend = self._attention_backend
            self.plain._parallel_config = self._parallel_config
            return self.plain(attn, hidden_states, encoder_hidden_states, attention_mask, image_rotary_emb)
        if encoder_hidden_states is not None:
            return self._double(attn, hidden_states, encoder_hidden_states, image_rotary_emb, regional)
        return self._single(attn, hidden_states, image_rotary_emb, regional)

    def _attend(self, q, k, v, mask=None) -> torch.Tensor:
        if mask is None:
            return dispatch_attention_fn(q, k, v, backend=self._attention_backend)
        return masked_attention(q, k, v, mask)

    def _two_attentions(self, text, image, ctx: RegionalContext, base_image=None):
        """Base and regional attention sharing the image projections.

        `text` and `image` are (q, k, v) triples with RoPE applied; `base_image` is the base
        stream's own image copy (single blocks), else the base attention uses `image`.
        Returns (base text out, regional text out, base image out, blended image out).
        """
        nb, nr = ctx.base_len, ctx.regional_len
        base_image = image if base_image is None else base_image
        base = self._attend(
            *(torch.cat([t[:, :nb], i], dim=1) for t, i in zip(text, base_image, strict=True))
        )
        regional = self._attend(
            *(torch.cat([t[:, nb:], i], dim=1) for t, i in zip(text, image, strict=True)),
            mask=ctx.mask if self.masked else None,
        )
        base_img, regional_img = base[:, nb:], regional[:, nr:]
        blended = torch.lerp(regional_img, base_img.to(regional_img.dtype), ctx.base_ratio)
        return base[:, :nb], regional[:, :nr], base_img, blended

    def _double(self, attn, hidden_states, encoder_hidden_states, rotary, ctx: RegionalContext):
        cos, sin = rotary
        text_rows = encoder_hidden_states.shape[1]
        tq, tk, tv = _project(attn, encoder_hidden_states, added=True)
        iq, ik, iv = _project(attn, hidden_states, added=False)
        tq, tk = _rope(tq, tk, cos[:text_rows], sin[:text_rows])
        iq, ik = _rope(iq, ik, cos[text_rows:], sin[text_rows:])
        base_txt, regional_txt, _, image = self._two_attentions((tq, tk, tv), (iq, ik, iv), ctx)
        text = torch.cat([base_txt, regional_txt], dim=1).flatten(2, 3).to(tq.dtype)
        image = image.flatten(2, 3).to(iq.dtype)
        image = attn.to_out[1](attn.to_out[0](image.contiguous()))
        return image, attn.to_add_out(text.contiguous())

    def _single(self, attn, hidden_states, rotary, ctx: RegionalContext):
        cos, sin = rotary
        nt, ni = ctx.text_len, ctx.image_len
        q, k, v = _project(attn, hidden_states, added=False)
        text = _rope(q[:, :nt], k[:, :nt], cos[:nt], sin[:nt]) + (v[:, :nt],)
        images = (q.shape[1] - nt) // ni  # 2 when the base stream's image copy rides along
        image_cos, image_sin = (torch.cat([r[nt:]] * images) for r in (cos, sin))
        rest = _rope(q[:, nt:], k[:, nt:], image_cos, image_sin) + (v[:, nt:],)
        image = tuple(t[:, -ni:] for t in rest)
        copy = tuple(t[:, :-ni] for t in rest) if ctx.base_copy else None
        base_txt, regional_txt, base_img, blended = self._two_attentions(text, image, ctx, base_image=copy)
        parts = [base_txt, regional_txt] + ([base_img] if ctx.base_copy else []) + [blended]
        return torch.cat([p.to(q.dtype) for p in parts], dim=1).flatten(2, 3)
